package io.convexspring.codec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;

/**
 * Writes {@code long[]}, {@code int[]}, {@code short[]}, {@code double[]} and {@code float[]}
 * element by element through the number rules, which Jackson's own array serializers would
 * bypass (NaN written as a bare token, a long beyond 2^53 rounded by the reader, an
 * {@link Int64 @Int64} {@code int[]} sent as float64).
 */
final class NumberArraySerializer extends NumberRulesSerializer {

	static final NumberArraySerializer FLOAT64 = new NumberArraySerializer(false);

	private static final NumberArraySerializer INT64 = new NumberArraySerializer(true);

	private NumberArraySerializer(boolean int64) {
		super(int64);
	}

	@Override
	NumberRulesSerializer asInt64() {
		return INT64;
	}

	@Override
	public void serialize(Object array, JsonGenerator gen, SerializationContext ctxt) {
		int length = java.lang.reflect.Array.getLength(array);
		gen.writeStartArray(array, length);
		for (int i = 0; i < length; i++) {
			Number element = (Number) java.lang.reflect.Array.get(array, i);
			try {
				writeNumber(element, gen, ctxt);
			}
			catch (JacksonException ex) {
				throw ex.prependPath(array, i);
			}
		}
		gen.writeEndArray();
	}

}
