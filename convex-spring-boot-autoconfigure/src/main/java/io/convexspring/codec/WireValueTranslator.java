package io.convexspring.codec;

import java.util.Base64;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.util.TokenBuffer;

import io.convexspring.codec.ConvexValueException.Problem;

/**
 * Reads one encoded Convex value from a parser, in a single pass, into a {@link TokenBuffer} of
 * plain Jackson tokens that any Jackson deserializer understands: {@code $integer} becomes an
 * integer token, plain numbers and {@code $float} a floating-point token, {@code $bytes} an
 * embedded {@code byte[]}. Every rule of the encoding is checked on the way.
 */
final class WireValueTranslator {

	private static final Base64.Decoder BASE64 = Base64.getDecoder();

	private WireValueTranslator() {
	}

	/**
	 * Translates the value whose first token is the parser's current token; leaves the parser on
	 * the value's last token.
	 * @param parser the parser
	 * @return the translated tokens
	 * @throws ConvexValueException ({@link Problem#MALFORMED}) when the value breaks the
	 * encoding's rules
	 */
	static TokenBuffer translate(JsonParser parser) {
		TokenBuffer out = TokenBuffer.forBuffering(parser, parser.objectReadContext());
		try {
			copyValue(parser, out);
		}
		catch (Malformed ex) {
			throw new ConvexValueException(Problem.MALFORMED, ex.path(), ex.getMessage(), null);
		}
		return out;
	}

	private static void copyValue(JsonParser p, TokenBuffer out) {
		JsonToken token = p.currentToken();
		if (token == null) {
			throw new Malformed("the value is missing");
		}
		switch (token) {
			case START_OBJECT -> copyObject(p, out);
			case START_ARRAY -> copyArray(p, out);
			case VALUE_STRING -> out.writeString(p.getString());
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(p.getDoubleValue());
			case VALUE_TRUE -> out.writeBoolean(true);
			case VALUE_FALSE -> out.writeBoolean(false);
			case VALUE_NULL -> out.writeNull();
			default -> throw new Malformed("unexpected JSON token " + token);
		}
	}

	private static void copyArray(JsonParser p, TokenBuffer out) {
		out.writeStartArray();
		int index = 0;
		while (p.nextToken() != JsonToken.END_ARRAY) {
			try {
				copyValue(p, out);
			}
			catch (Malformed ex) {
				throw ex.under("[" + index + "]");
			}
			index++;
		}
		out.writeEndArray();
	}

	private static void copyObject(JsonParser p, TokenBuffer out) {
		JsonToken token = p.nextToken();
		if (token == JsonToken.PROPERTY_NAME && p.currentName().startsWith("$")) {
			copySpecial(p, out, p.currentName());
			return;
		}
		out.writeStartObject();
		while (token == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			String problem = FieldNames.problem(name);
			if (problem != null) {
				throw new Malformed(problem);
			}
			out.writeName(name);
			p.nextToken();
			try {
				copyValue(p, out);
			}
			catch (Malformed ex) {
				throw ex.under("." + name);
			}
			token = p.nextToken();
		}
		out.writeEndObject();
	}

	private static void copySpecial(JsonParser p, TokenBuffer out, String name) {
		switch (name) {
			case "$integer" -> out.writeNumber(WireNumbers.decodeLong(payload(p, name)));
			case "$float" -> out.writeNumber(specialFloat(payload(p, name)));
			case "$bytes" -> out.writeBinary(payload(p, name));
			case "$set" -> throw new Malformed("Received a Set which is no longer supported as a Convex type.");
			case "$map" -> throw new Malformed("Received a Map which is no longer supported as a Convex type.");
			default -> throw new Malformed(FieldNames.problem(name));
		}
		if (p.nextToken() != JsonToken.END_OBJECT) {
			throw new Malformed("a " + name + " object must have no other field, found " + p.currentName());
		}
	}

	private static byte[] payload(JsonParser p, String name) {
		if (p.nextToken() != JsonToken.VALUE_STRING) {
			throw new Malformed("Malformed " + name + " field: expected a base64 string, found " + p.currentToken());
		}
		byte[] bytes;
		try {
			bytes = BASE64.decode(p.getString());
		}
		catch (IllegalArgumentException ex) {
			throw new Malformed("Malformed " + name + " field: " + ex.getMessage());
		}
		if (!name.equals("$bytes") && bytes.length != 8) {
			throw new Malformed("Received " + bytes.length + " bytes, expected 8 for " + name);
		}
		return bytes;
	}

	private static double specialFloat(byte[] bytes) {
		double value = WireNumbers.decodeDouble(bytes);
		if (WireNumbers.isPlainNumber(value)) {
			throw new Malformed("Float " + value + " should be encoded as a number");
		}
		return value;
	}

	/** A rule broken at some depth; each enclosing level adds its part of the path. */
	private static final class Malformed extends RuntimeException {

		private String path = "";

		Malformed(String message) {
			super(message, null, false, false);
		}

		Malformed under(String segment) {
			this.path = segment + this.path;
			return this;
		}

		String path() {
			return this.path.startsWith(".") ? this.path.substring(1) : this.path;
		}

	}

}
