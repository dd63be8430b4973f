package io.convexspring.codec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a {@code byte[]} from Convex bytes ({@code $bytes}) only: Jackson's own reader would
 * also take a Convex string as base64 or an array of numbers, turning another Convex type into
 * bytes without a word.
 */
final class BytesDeserializer extends StdScalarDeserializer<byte[]> {

	BytesDeserializer() {
		super(byte[].class);
	}

	@Override
	public byte[] deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] bytes) {
			return bytes;
		}
		return (byte[]) ctxt.handleUnexpectedToken(getValueType(ctxt), p.currentToken(), p,
				"a Java byte[] takes only Convex bytes (v.bytes()), not %s", describe(p.currentToken()));
	}

	static String describe(JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT -> "an int64";
			case VALUE_NUMBER_FLOAT -> "a float64";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_EMBEDDED_OBJECT -> "bytes";
			case START_ARRAY -> "an array";
			case START_OBJECT -> "an object";
			default -> String.valueOf(token);
		};
	}

}
