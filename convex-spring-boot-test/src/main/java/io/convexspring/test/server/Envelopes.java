package io.convexspring.test.server;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.codec.SyncTimestamps;

/**
 * Writes every message the deployment sends: the HTTP function API's response bodies and the
 * sync protocol's server messages. Convex values are already wire JSON text ({@link Outcome})
 * and are written as they are.
 */
final class Envelopes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Envelopes() {
	}

	/** {@code {"status":"success"|"error", ...}}, {@code logLines} left out when empty as the backend does. */
	static String functionResponse(Outcome outcome) {
		return write((json) -> {
			if (outcome instanceof Outcome.Success success) {
				json.writeStringProperty("status", "success");
				json.writeName("value");
				json.writeRawValue(success.valueJson());
			}
			else {
				json.writeStringProperty("status", "error");
				json.writeStringProperty("errorMessage", errorMessage(outcome));
				errorData(json, outcome);
			}
			if (!outcome.logLines().isEmpty()) {
				logLines(json, outcome.logLines());
			}
		});
	}

	/** The backend's body for a refused request: {@code {"code": ..., "message": ...}}. */
	static String refusal(String code, @Nullable String message) {
		return write((json) -> {
			json.writeStringProperty("code", code);
			json.writeStringProperty("message", message);
		});
	}

	static String transition(StateVersion start, StateVersion end, List<QueryModification> modifications,
			@Nullable Long clientClockSkew, long serverTs) {
		return write((json) -> {
			json.writeStringProperty("type", "Transition");
			version(json, "startVersion", start);
			version(json, "endVersion", end);
			json.writeArrayPropertyStart("modifications");
			for (QueryModification modification : modifications) {
				json.writeStartObject();
				if (modification instanceof QueryModification.Result result) {
					boolean success = result.outcome() instanceof Outcome.Success;
					json.writeStringProperty("type", success ? "QueryUpdated" : "QueryFailed");
					json.writeNumberProperty("queryId", result.queryId());
					if (result.outcome() instanceof Outcome.Success updated) {
						json.writeName("value");
						json.writeRawValue(updated.valueJson());
					}
					else {
						json.writeStringProperty("errorMessage", errorMessage(result.outcome()));
						errorData(json, result.outcome());
					}
					logLines(json, result.outcome().logLines());
					json.writeNullProperty("journal");
				}
				else {
					json.writeStringProperty("type", "QueryRemoved");
					json.writeNumberProperty("queryId", modification.queryId());
				}
				json.writeEndObject();
			}
			json.writeEndArray();
			if (clientClockSkew != null) {
				json.writeNumberProperty("clientClockSkew", clientClockSkew);
			}
			json.writeNumberProperty("serverTs", serverTs);
		});
	}

	/** {@code MutationResponse}: the commit {@code ts} on success, {@code null} on failure. */
	static String mutationResponse(long requestId, Outcome outcome, long ts) {
		return response("MutationResponse", requestId, outcome, ts);
	}

	/** {@code ActionResponse}: like a mutation's, without {@code ts}. */
	static String actionResponse(long requestId, Outcome outcome) {
		return response("ActionResponse", requestId, outcome, null);
	}

	static String authError(String error, long baseVersion, boolean authUpdateAttempted) {
		return write((json) -> {
			json.writeStringProperty("type", "AuthError");
			json.writeStringProperty("error", error);
			json.writeNumberProperty("baseVersion", baseVersion);
			json.writeBooleanProperty("authUpdateAttempted", authUpdateAttempted);
		});
	}

	static String fatalError(String error) {
		return write((json) -> {
			json.writeStringProperty("type", "FatalError");
			json.writeStringProperty("error", error);
		});
	}

	/** One part of a Transition's JSON text, cut for size; the backend names it by the text's length. */
	static String transitionChunk(String chunk, int partNumber, int totalParts, String transitionId) {
		return write((json) -> {
			json.writeStringProperty("type", "TransitionChunk");
			json.writeStringProperty("chunk", chunk);
			json.writeNumberProperty("partNumber", partNumber);
			json.writeNumberProperty("totalParts", totalParts);
			json.writeStringProperty("transitionId", transitionId);
		});
	}

	static String ping() {
		return "{\"type\":\"Ping\"}";
	}

	private static String response(String type, long requestId, Outcome outcome, @Nullable Long ts) {
		return write((json) -> {
			json.writeStringProperty("type", type);
			json.writeNumberProperty("requestId", requestId);
			boolean success = outcome instanceof Outcome.Success;
			json.writeBooleanProperty("success", success);
			json.writeName("result");
			if (outcome instanceof Outcome.Success value) {
				json.writeRawValue(value.valueJson());
			}
			else {
				json.writeString(errorMessage(outcome));
			}
			if (ts != null) {
				if (success) {
					json.writeStringProperty("ts", SyncTimestamps.encode(ts));
				}
				else {
					json.writeNullProperty("ts");
				}
			}
			logLines(json, outcome.logLines());
			errorData(json, outcome);
		});
	}

	private static String errorMessage(Outcome outcome) {
		if (outcome instanceof Outcome.Failure failure) {
			return failure.errorMessage();
		}
		if (outcome instanceof Outcome.Refused refused) {
			return refused.refusal().code() + ": " + refused.refusal().getMessage();
		}
		return "Connection dropped";
	}

	private static void errorData(JsonGenerator json, Outcome outcome) {
		if (outcome instanceof Outcome.Failure failure && failure.errorDataJson() != null) {
			json.writeName("errorData");
			json.writeRawValue(failure.errorDataJson());
		}
	}

	private static void logLines(JsonGenerator json, List<String> lines) {
		json.writeArrayPropertyStart("logLines");
		for (String line : lines) {
			json.writeString(line);
		}
		json.writeEndArray();
	}

	private static void version(JsonGenerator json, String name, StateVersion version) {
		json.writeObjectPropertyStart(name);
		json.writeNumberProperty("querySet", version.querySet());
		json.writeNumberProperty("identity", version.identity());
		json.writeStringProperty("ts", SyncTimestamps.encode(version.ts()));
		json.writeEndObject();
	}

	private static String write(Consumer<JsonGenerator> fields) {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			fields.accept(json);
			json.writeEndObject();
		}
		return out.toString();
	}

}
