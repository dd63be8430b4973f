package io.convexspring.codec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a {@code String} from a Convex string only: Jackson's own reader would turn the float64
 * 42 into {@code "42.0"}, a boolean into {@code "true"} and bytes into base64 text.
 */
final class StringValueDeserializer extends StdScalarDeserializer<String> {

	StringValueDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_STRING) {
			return p.getString();
		}
		return (String) ctxt.handleUnexpectedToken(getValueType(ctxt), p.currentToken(), p,
				"a Java String takes only a Convex string, not %s", BytesDeserializer.describe(p.currentToken()));
	}

}
