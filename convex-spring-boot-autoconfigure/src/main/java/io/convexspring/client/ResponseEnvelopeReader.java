package io.convexspring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;

/**
 * Reads a function's response body in one streaming pass, binding the value directly to the
 * requested type. The one place that decodes responses; it turns a failure into the matching
 * {@link ConvexException}.
 */
final class ResponseEnvelopeReader {

	private final ConvexCodec codec;

	ResponseEnvelopeReader(ConvexCodec codec) {
		this.codec = codec;
	}

	/**
	 * Reads a 200 (or legacy 560) body.
	 * @return the result, possibly {@code null} (Convex {@code null})
	 * @throws ConvexException for a function failure or a body that is not the envelope
	 */
	@Nullable Object read(FunctionKind kind, String path, int status, byte[] body, JavaType resultType) {
		return read(kind, path, status, body, body.length, resultType, null);
	}

	/**
	 * Reads a 200 (or legacy 560) body, the first {@code length} bytes of {@code body}, handing
	 * a success's log lines to {@code logLines} (a failure's travel in its exception). Parsing
	 * from an array skips what a stream costs Jackson per call (a pooled read buffer, encoding
	 * detection that reads ahead).
	 * @return the result, possibly {@code null} (Convex {@code null})
	 * @throws ConvexException for a function failure or a body that is not the envelope
	 */
	@Nullable Object read(FunctionKind kind, String path, int status, byte[] body, int length, JavaType resultType,
			@Nullable Consumer<List<String>> logLines) {
		ResponseEnvelope envelope;
		try (JsonParser parser = this.codec.mapper().createParser(body, 0, length)) {
			// Jackson decodes overlong and other invalid UTF-8 without a word: the body is checked first
			Utf8Check.check(body, length);
			envelope = parse(parser, resultType);
			if (parser.nextToken() != null) {
				throw new MalformedEnvelope("more content follows the JSON object");
			}
		}
		catch (ConvexValueException ex) {
			if (ex.problem() == ConvexValueException.Problem.TYPE_MISMATCH) {
				throw new ConvexResultException(kind, path, "its result", ex, status);
			}
			throw new ConvexMalformedResponseException(kind, path, status, ex.getMessage(), ex);
		}
		catch (JacksonException | MalformedEnvelope | Utf8Check.InvalidUtf8Exception ex) {
			throw new ConvexMalformedResponseException(kind, path, status, ex.getMessage(), ex);
		}
		if (envelope.success()) {
			if (logLines != null && !envelope.logLines().isEmpty()) {
				logLines.accept(envelope.logLines());
			}
			return envelope.value();
		}
		String message = (envelope.errorMessage() != null) ? envelope.errorMessage() : "";
		if (envelope.errorData() != null) {
			throw new ConvexApplicationException(kind, path, envelope.errorData(), message, envelope.logLines(),
					this.codec, status);
		}
		throw new ConvexFunctionFailedException(kind, path, message, envelope.logLines(), status);
	}

	private ResponseEnvelope parse(JsonParser parser, JavaType resultType) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new MalformedEnvelope("expected a JSON object, found " + describe(parser.currentToken()));
		}
		String status = null;
		Object value = null;
		boolean hasValue = false;
		String errorMessage = null;
		JsonNode errorData = null;
		List<String> logLines = List.of();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			switch (name) {
				case "status" -> status = string(parser, name);
				case "value" -> {
					value = this.codec.read(parser, resultType);
					hasValue = true;
				}
				case "errorMessage" -> errorMessage = string(parser, name);
				case "errorData" -> errorData = this.codec.readTree(parser);
				case "logLines" -> logLines = strings(parser);
				default -> parser.skipChildren();
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT) {
			throw new MalformedEnvelope("the JSON object ends early");
		}
		if ("success".equals(status)) {
			if (!hasValue) {
				throw new MalformedEnvelope("a success without a value");
			}
			return new ResponseEnvelope(true, value, null, null, logLines);
		}
		if ("error".equals(status)) {
			return new ResponseEnvelope(false, null, errorMessage, errorData, logLines);
		}
		throw new MalformedEnvelope("unknown status " + ((status != null) ? "'" + status + "'" : "(none)"));
	}

	private static String string(JsonParser parser, String field) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			throw new MalformedEnvelope(field + " is not a string");
		}
		return parser.getString();
	}

	private static List<String> strings(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			throw new MalformedEnvelope("logLines is not an array");
		}
		List<String> lines = new ArrayList<>();
		while (parser.nextToken() == JsonToken.VALUE_STRING) {
			lines.add(parser.getString());
		}
		if (parser.currentToken() != JsonToken.END_ARRAY) {
			throw new MalformedEnvelope("logLines holds a value that is not a string");
		}
		return lines;
	}

	private static String describe(@Nullable JsonToken token) {
		return (token != null) ? token.name() : "an empty body";
	}

	/** The body is JSON, but not the Convex envelope. */
	private static final class MalformedEnvelope extends RuntimeException {

		MalformedEnvelope(String message) {
			super(message, null, false, false);
		}

	}

}
