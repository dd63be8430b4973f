package io.convexspring.test.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;
import io.convexspring.codec.SyncTimestamps;

/**
 * Parses the sync protocol's client messages with the backend's strictness: invalid JSON, an
 * unknown {@code type}, a missing or mistyped field, a {@code sessionId} that is not a UUID or a
 * timestamp that is not 8 bytes are fatal ({@link ProtocolViolationException#fatal}).
 */
final class ClientMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConvexCodec codec;

	ClientMessages(ConvexCodec codec) {
		this.codec = codec;
	}

	ClientMessage parse(String text) {
		JsonNode message;
		try {
			message = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw ProtocolViolationException.fatal("Received Invalid JSON on websocket: " + ex.getOriginalMessage());
		}
		if (message == null || !message.isObject()) {
			throw ProtocolViolationException.fatal("Received Invalid JSON on websocket: not an object");
		}
		String type = string(message, "type");
		return switch (type) {
			case "Connect" -> new ClientMessage.Connect(uuid(string(message, "sessionId")),
					integer(message, "connectionCount"), optionalString(message, "lastCloseReason"),
					optionalInteger(message, "clientTs"), optionalTs(message, "maxObservedTimestamp"));
			case "ModifyQuerySet" -> new ClientMessage.ModifyQuerySet(integer(message, "baseVersion"),
					integer(message, "newVersion"), changes(field(message, "modifications")));
			case "Mutation", "Action" -> new ClientMessage.Request(type.equals("Mutation"),
					integer(message, "requestId"), string(message, "udfPath"), args(field(message, "args")));
			case "Authenticate" -> new ClientMessage.Authenticate(integer(message, "baseVersion"), identity(message));
			case "Event" -> new ClientMessage.Event();
			default -> throw ProtocolViolationException
				.fatal("Received Invalid JSON on websocket: unknown variant `" + type + "`");
		};
	}

	private List<ClientMessage.QuerySetChange> changes(JsonNode modifications) {
		if (!modifications.isArray()) {
			throw invalid("modifications must be an array");
		}
		List<ClientMessage.QuerySetChange> changes = new ArrayList<>(modifications.size());
		for (JsonNode modification : modifications) {
			String type = string(modification, "type");
			changes.add(switch (type) {
				case "Add" -> new ClientMessage.Add(integer(modification, "queryId"), string(modification, "udfPath"),
						args(field(modification, "args")));
				case "Remove" -> new ClientMessage.Remove(integer(modification, "queryId"));
				default -> throw invalid("unknown query set modification `" + type + "`");
			});
		}
		return changes;
	}

	private static Identity identity(JsonNode message) {
		String tokenType = string(message, "tokenType");
		return switch (tokenType) {
			case "None" -> Identity.anonymous();
			case "User" -> Identity.user(string(message, "value"));
			case "Admin" -> Identity.admin(string(message, "value"));
			default -> throw invalid("unknown tokenType `" + tokenType + "`");
		};
	}

	/** {@code [argsObject]}, as every client sends; {@code []} means no arguments. */
	private JsonNode args(JsonNode args) {
		if (!args.isArray() || args.size() > 1) {
			throw invalid("args must be an array holding one object, got " + args);
		}
		if (args.isEmpty()) {
			return this.codec.mapper().createObjectNode();
		}
		JsonNode decoded;
		try {
			decoded = this.codec.treeFromWireJson(args.get(0).toString());
		}
		catch (ConvexValueException ex) {
			throw invalid("args are not valid convex_encoded_json: " + ex.getMessage());
		}
		if (!decoded.isObject()) {
			throw invalid("args must be an array holding one object, got " + args);
		}
		return decoded;
	}

	private static JsonNode field(JsonNode message, String name) {
		JsonNode value = message.get(name);
		if (value == null) {
			throw invalid("missing field `" + name + "`");
		}
		return value;
	}

	private static String string(JsonNode message, String name) {
		JsonNode value = field(message, name);
		if (!value.isString()) {
			throw invalid("field `" + name + "` must be a string, got " + value);
		}
		return value.stringValue();
	}

	private static @Nullable String optionalString(JsonNode message, String name) {
		JsonNode value = message.get(name);
		return (value == null || value.isNull()) ? null : string(message, name);
	}

	private static long integer(JsonNode message, String name) {
		JsonNode value = field(message, name);
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
			throw invalid("field `" + name + "` must be a non-negative integer, got " + value);
		}
		return value.longValue();
	}

	private static @Nullable Long optionalInteger(JsonNode message, String name) {
		JsonNode value = message.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		// clientTs may carry a fraction: the npm client adds performance.now() to Date.now().
		if (!value.isNumber()) {
			throw invalid("field `" + name + "` must be a number, got " + value);
		}
		return value.longValue();
	}

	private static @Nullable Long optionalTs(JsonNode message, String name) {
		String text = optionalString(message, name);
		if (text == null) {
			return null;
		}
		try {
			return SyncTimestamps.decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("field `" + name + "` is not a timestamp: " + ex.getMessage());
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("sessionId is not a UUID: " + text);
		}
	}

	private static ProtocolViolationException invalid(String reason) {
		return ProtocolViolationException.fatal("Received Invalid JSON on websocket: " + reason);
	}

}
