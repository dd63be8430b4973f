package io.convexspring.codec;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads {@link OptionalLong}, {@link OptionalInt} and {@link OptionalDouble} with the same rules
 * as {@code long}, {@code int} and {@code double} (Jackson's own readers truncate 1.5 to 1);
 * null or absent is empty.
 */
final class OptionalNumberDeserializer extends StdScalarDeserializer<Object> {

	private final ValueDeserializer<?> number;

	private final Object empty;

	OptionalNumberDeserializer(Class<?> target) {
		super(target);
		if (target == OptionalLong.class) {
			this.number = new IntegralDeserializer(Long.class, Long.MIN_VALUE, Long.MAX_VALUE);
			this.empty = OptionalLong.empty();
		}
		else if (target == OptionalInt.class) {
			this.number = new IntegralDeserializer(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE);
			this.empty = OptionalInt.empty();
		}
		else {
			this.number = new Float64Deserializer(Double.class);
			this.empty = OptionalDouble.empty();
		}
	}

	@Override
	public Object deserialize(JsonParser p, DeserializationContext ctxt) {
		Object value = this.number.deserialize(p, ctxt);
		if (value instanceof Long integral) {
			return OptionalLong.of(integral);
		}
		if (value instanceof Integer integral) {
			return OptionalInt.of(integral);
		}
		return OptionalDouble.of((Double) value);
	}

	@Override
	public Object getNullValue(DeserializationContext ctxt) {
		return this.empty;
	}

	@Override
	public Object getAbsentValue(DeserializationContext ctxt) {
		return this.empty;
	}

	@Override
	public Object getEmptyValue(DeserializationContext ctxt) {
		return this.empty;
	}

}
