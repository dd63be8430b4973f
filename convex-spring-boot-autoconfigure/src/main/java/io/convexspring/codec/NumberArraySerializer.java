package io.convexspring.codec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes {@code long[]}, {@code int[]}, {@code short[]}, {@code double[]} and {@code float[]}
 * element by element through the number rules, which Jackson's own array serializers would
 * bypass (NaN written as a bare token, a long beyond 2^53 rounded by the reader, an
 * {@link Int64 @Int64} {@code int[]} sent as float64).
 */
final class NumberArraySerializer extends StdSerializer<Object> {

	static final NumberArraySerializer FLOAT64 = new NumberArraySerializer(false);

	private static final NumberArraySerializer INT64 = new NumberArraySerializer(true);

	private final boolean int64;

	private NumberArraySerializer(boolean int64) {
		super(Object.class);
		this.int64 = int64;
	}

	@Override
	public ValueSerializer<?> createContextual(SerializationContext ctxt, @Nullable BeanProperty property) {
		return (property != null && property.getAnnotation(Int64.class) != null) ? INT64 : this;
	}

	@Override
	public void serialize(Object array, JsonGenerator gen, SerializationContext ctxt) {
		int length = java.lang.reflect.Array.getLength(array);
		gen.writeStartArray(array, length);
		for (int i = 0; i < length; i++) {
			Number element = (Number) java.lang.reflect.Array.get(array, i);
			try {
				if (this.int64) {
					Int64Serializer.INSTANCE.serialize(element, gen, ctxt);
				}
				else {
					Float64Serializer.INSTANCE.serialize(element, gen, ctxt);
				}
			}
			catch (JacksonException ex) {
				throw ex.prependPath(array, i);
			}
		}
		gen.writeEndArray();
	}

}
