package io.convexspring.live;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.codec.SyncTimestamps;

/**
 * Writes the client's sync-protocol messages straight to the text of a frame, with arguments
 * already in the Convex encoding. The one place that builds outgoing frames.
 */
final class ClientMessages {

	/** Plain JSON, for the identity an admin acts as: Convex's encoding does not apply there. */
	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private ClientMessages() {
	}

	static String connect(UUID sessionId, int connectionCount, @Nullable String lastCloseReason, long clientTs,
			long maxObservedTimestamp) {
		return write((json) -> {
			json.writeStringProperty("type", "Connect");
			json.writeStringProperty("sessionId", sessionId.toString());
			json.writeNumberProperty("connectionCount", connectionCount);
			json.writeName("lastCloseReason");
			if (lastCloseReason != null) {
				json.writeString(lastCloseReason);
			}
			else {
				json.writeNull();
			}
			json.writeNumberProperty("clientTs", clientTs);
			if (maxObservedTimestamp != 0) {
				json.writeStringProperty("maxObservedTimestamp", SyncTimestamps.encode(maxObservedTimestamp));
			}
		});
	}

	static String authenticate(int baseVersion, ConvexCredentials credentials) {
		return write((json) -> {
			json.writeStringProperty("type", "Authenticate");
			json.writeNumberProperty("baseVersion", baseVersion);
			switch (credentials.kind()) {
				case NONE -> json.writeStringProperty("tokenType", "None");
				case USER_TOKEN -> {
					json.writeStringProperty("tokenType", "User");
					json.writeStringProperty("value", credentials.secret());
				}
				case DEPLOY_KEY, ACTING_AS -> {
					json.writeStringProperty("tokenType", "Admin");
					json.writeStringProperty("value", credentials.secret());
					Map<String, Object> identity = credentials.actingAs();
					if (identity != null) {
						json.writeName("impersonating");
						json.writeRawValue(PLAIN.writeValueAsString(identity));
					}
				}
			}
		});
	}

	static String modifyQuerySet(int baseVersion, int newVersion, List<Modification> modifications) {
		return write((json) -> {
			json.writeStringProperty("type", "ModifyQuerySet");
			json.writeNumberProperty("baseVersion", baseVersion);
			json.writeNumberProperty("newVersion", newVersion);
			json.writeName("modifications");
			json.writeStartArray();
			for (Modification modification : modifications) {
				json.writeStartObject();
				if (modification instanceof Add add) {
					json.writeStringProperty("type", "Add");
					json.writeNumberProperty("queryId", add.queryId());
					json.writeStringProperty("udfPath", add.path());
					json.writeName("args");
					json.writeStartArray();
					json.writeRawValue(add.argsJson());
					json.writeEndArray();
					if (add.hasJournal()) {
						json.writeName("journal");
						if (add.journal() != null) {
							json.writeString(add.journal());
						}
						else {
							json.writeNull();
						}
					}
				}
				else if (modification instanceof Remove remove) {
					json.writeStringProperty("type", "Remove");
					json.writeNumberProperty("queryId", remove.queryId());
				}
				json.writeEndObject();
			}
			json.writeEndArray();
		});
	}

	static String request(String type, int requestId, String path, String argsJson) {
		return write((json) -> {
			json.writeStringProperty("type", type);
			json.writeNumberProperty("requestId", requestId);
			json.writeStringProperty("udfPath", path);
			json.writeName("args");
			json.writeStartArray();
			json.writeRawValue(argsJson);
			json.writeEndArray();
		});
	}

	private static String write(Body body) {
		StringWriter out = new StringWriter(128);
		try (JsonGenerator json = PLAIN.createGenerator(out)) {
			json.writeStartObject();
			body.write(json);
			json.writeEndObject();
		}
		return out.toString();
	}

	@FunctionalInterface
	private interface Body {

		void write(JsonGenerator json);

	}

	/** A change to the query set. */
	sealed interface Modification permits Add, Remove {

	}

	/**
	 * Adds a query.
	 *
	 * @param queryId the query's id
	 * @param path the function path
	 * @param argsJson the encoded arguments object
	 * @param hasJournal whether to send the journal (after a reconnect: even a {@code null} one)
	 * @param journal the journal
	 */
	record Add(int queryId, String path, String argsJson, boolean hasJournal, @Nullable String journal)
			implements Modification {

	}

	/**
	 * Removes a query.
	 *
	 * @param queryId the query's id
	 */
	record Remove(int queryId) implements Modification {

	}

}
