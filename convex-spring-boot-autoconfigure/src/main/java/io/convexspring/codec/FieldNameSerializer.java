package io.convexspring.codec;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes map keys as Convex field names, refusing the names Convex reserves ({@code $...}) or
 * cannot store (control and non-ASCII characters), before anything is sent.
 */
final class FieldNameSerializer extends StdSerializer<Object> {

	static final FieldNameSerializer INSTANCE = new FieldNameSerializer();

	private FieldNameSerializer() {
		super(Object.class);
	}

	@Override
	public void serialize(Object key, JsonGenerator gen, SerializationContext ctxt) {
		String name = (key instanceof Enum<?> constant) ? constant.name() : key.toString();
		String problem = FieldNames.problem(name);
		if (problem != null) {
			throw DatabindException.from(ctxt, problem);
		}
		gen.writeName(name);
	}

}
