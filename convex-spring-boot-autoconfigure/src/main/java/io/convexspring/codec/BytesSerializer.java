package io.convexspring.codec;

import java.util.Base64;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@code byte[]} as Convex bytes ({@code v.bytes()}): {@code {"$bytes": base64}}.
 */
final class BytesSerializer extends StdSerializer<byte[]> {

	static final BytesSerializer INSTANCE = new BytesSerializer();

	private BytesSerializer() {
		super(byte[].class);
	}

	@Override
	public boolean isEmpty(SerializationContext ctxt, byte[] value) {
		return value.length == 0;
	}

	@Override
	public void serialize(byte[] value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeStartObject();
		gen.writeStringProperty("$bytes", Base64.getEncoder().encodeToString(value));
		gen.writeEndObject();
	}

}
