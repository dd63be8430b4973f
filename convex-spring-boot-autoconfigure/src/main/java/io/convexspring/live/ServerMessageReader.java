package io.convexspring.live;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;
import io.convexspring.codec.SyncTimestamps;
import io.convexspring.live.ServerMessage.QueryFailed;
import io.convexspring.live.ServerMessage.QueryModification;
import io.convexspring.live.ServerMessage.QueryRemoved;
import io.convexspring.live.ServerMessage.QueryUpdated;

/**
 * Reads a server frame in one streaming pass, in whatever order its fields come, values
 * through the {@link ConvexCodec}. The one place that decodes incoming frames.
 */
final class ServerMessageReader {

	private final ConvexCodec codec;

	ServerMessageReader(ConvexCodec codec) {
		this.codec = codec;
	}

	/**
	 * Reads one frame.
	 * @throws MalformedFrameException if it is not JSON, or a known message that breaks the
	 * protocol's shape
	 */
	ServerMessage read(String frame) {
		try (JsonParser parser = this.codec.mapper().createParser(frame)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedFrameException("a frame is a JSON object");
			}
			ServerMessage message = message(parser);
			if (parser.nextToken() != null) {
				throw new MalformedFrameException("text after the JSON object");
			}
			return message;
		}
		catch (JacksonException | ConvexValueException | IllegalArgumentException ex) {
			throw new MalformedFrameException(String.valueOf(ex.getMessage()));
		}
	}

	private ServerMessage message(JsonParser parser) {
		String type = null;
		StateVersion start = null;
		StateVersion end = null;
		List<QueryModification> modifications = null;
		Integer requestId = null;
		Boolean success = null;
		JsonNode result = null;
		String resultMessage = null;
		JsonNode errorData = null;
		long ts = 0;
		List<String> logLines = List.of();
		String error = null;
		int baseVersion = -1;
		boolean authUpdateAttempted = false;
		String chunk = null;
		int partNumber = -1;
		int totalParts = -1;
		String transitionId = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (name) {
				case "type" -> type = string(parser, name);
				case "startVersion" -> start = version(parser);
				case "endVersion" -> end = version(parser);
				case "modifications" -> modifications = modifications(parser);
				case "requestId" -> requestId = integer(parser, name);
				case "success" -> success = bool(parser, name);
				case "result" -> {
					// a success's value, a failure's message: which one is known only at the end
					if (token == JsonToken.VALUE_STRING) {
						resultMessage = parser.getString();
					}
					result = this.codec.readTree(parser);
				}
				case "errorData" -> errorData = (token == JsonToken.VALUE_NULL) ? null : this.codec.readTree(parser);
				case "ts" -> ts = (token == JsonToken.VALUE_NULL) ? 0 : SyncTimestamps.decode(string(parser, name));
				case "logLines" -> logLines = strings(parser, name);
				case "error" -> error = string(parser, name);
				case "baseVersion" -> baseVersion = (token == JsonToken.VALUE_NULL) ? -1 : integer(parser, name);
				case "authUpdateAttempted" -> authUpdateAttempted = (token != JsonToken.VALUE_NULL) && bool(parser, name);
				case "chunk" -> chunk = string(parser, name);
				case "partNumber" -> partNumber = integer(parser, name);
				case "totalParts" -> totalParts = integer(parser, name);
				case "transitionId" -> transitionId = (token == JsonToken.VALUE_STRING) ? parser.getString()
						: parser.getValueAsString();
				default -> parser.skipChildren();
			}
		}
		if (type == null) {
			throw new MalformedFrameException("a message without a type");
		}
		return switch (type) {
			case "Transition" -> new ServerMessage.Transition(require(start, type, "startVersion"),
					require(end, type, "endVersion"), (modifications != null) ? modifications : List.of());
			case "MutationResponse", "ActionResponse" -> {
				boolean succeeded = require(success, type, "success");
				boolean mutation = type.equals("MutationResponse");
				if (succeeded && mutation && ts == 0) {
					throw new MalformedFrameException("a successful MutationResponse without ts");
				}
				yield new ServerMessage.Response(mutation, require(requestId, type, "requestId"), succeeded,
						succeeded ? require(result, type, "result") : null,
						succeeded ? null : ((resultMessage != null) ? resultMessage : ""), succeeded ? null : errorData,
						ts, logLines);
			}
			case "AuthError" -> new ServerMessage.AuthError((error != null) ? error : "", baseVersion,
					authUpdateAttempted);
			case "FatalError" -> new ServerMessage.FatalError((error != null) ? error : "");
			case "Ping" -> new ServerMessage.Ping();
			case "TransitionChunk" -> {
				if (partNumber < 0 || totalParts <= 0) {
					throw new MalformedFrameException("a TransitionChunk without partNumber and totalParts");
				}
				yield new ServerMessage.TransitionChunk(require(chunk, type, "chunk"), partNumber, totalParts,
						require(transitionId, type, "transitionId"));
			}
			default -> new ServerMessage.Unknown(type);
		};
	}

	private List<QueryModification> modifications(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY, "modifications");
		List<QueryModification> modifications = new ArrayList<>();
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			modifications.add(modification(parser));
		}
		expect(parser, JsonToken.END_ARRAY, "modifications");
		return modifications;
	}

	private QueryModification modification(JsonParser parser) {
		String type = null;
		Integer queryId = null;
		JsonNode value = null;
		String errorMessage = null;
		JsonNode errorData = null;
		List<String> logLines = List.of();
		String journal = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (name) {
				case "type" -> type = string(parser, name);
				case "queryId" -> queryId = integer(parser, name);
				case "value" -> value = this.codec.readTree(parser);
				case "errorMessage" -> errorMessage = string(parser, name);
				case "errorData" -> errorData = (token == JsonToken.VALUE_NULL) ? null : this.codec.readTree(parser);
				case "logLines" -> logLines = strings(parser, name);
				case "journal" -> journal = (token == JsonToken.VALUE_NULL) ? null : string(parser, name);
				default -> parser.skipChildren();
			}
		}
		String kind = require(type, "modification", "type");
		int id = require(queryId, kind, "queryId");
		return switch (kind) {
			case "QueryUpdated" -> new QueryUpdated(id, require(value, kind, "value"), logLines, journal);
			case "QueryFailed" -> new QueryFailed(id, (errorMessage != null) ? errorMessage : "", errorData, logLines,
					journal);
			case "QueryRemoved" -> new QueryRemoved(id);
			default -> throw new MalformedFrameException("unknown query modification " + kind);
		};
	}

	private static StateVersion version(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT, "a version");
		Integer querySet = null;
		Integer identity = null;
		Long ts = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			switch (name) {
				case "querySet" -> querySet = integer(parser, name);
				case "identity" -> identity = integer(parser, name);
				case "ts" -> ts = SyncTimestamps.decode(string(parser, name));
				default -> parser.skipChildren();
			}
		}
		return new StateVersion(require(querySet, "version", "querySet"), require(identity, "version", "identity"),
				require(ts, "version", "ts"));
	}

	private static List<String> strings(JsonParser parser, String field) {
		expect(parser, JsonToken.START_ARRAY, field);
		List<String> lines = new ArrayList<>();
		while (parser.nextToken() == JsonToken.VALUE_STRING) {
			lines.add(parser.getString());
		}
		expect(parser, JsonToken.END_ARRAY, field);
		return lines;
	}

	private static String string(JsonParser parser, String field) {
		expect(parser, JsonToken.VALUE_STRING, field);
		return parser.getString();
	}

	private static int integer(JsonParser parser, String field) {
		expect(parser, JsonToken.VALUE_NUMBER_INT, field);
		return parser.getIntValue();
	}

	private static boolean bool(JsonParser parser, String field) {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
			throw new MalformedFrameException(field + " is not a boolean");
		}
		return token == JsonToken.VALUE_TRUE;
	}

	private static void expect(JsonParser parser, JsonToken token, String field) {
		if (parser.currentToken() != token) {
			throw new MalformedFrameException(field + ": expected " + token + ", found " + parser.currentToken());
		}
	}

	private static <T> T require(@Nullable T value, String message, String field) {
		if (value == null) {
			throw new MalformedFrameException(message + " without " + field);
		}
		return value;
	}

	/** A frame that is not JSON, or breaks the protocol's shape. */
	static final class MalformedFrameException extends RuntimeException {

		MalformedFrameException(String message) {
			super(message, null, false, false);
		}

	}

}
