package io.convexspring.codec;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;

/**
 * Writes {@link OptionalLong}, {@link OptionalInt} and {@link OptionalDouble} through the number
 * rules, which Jackson's own serializers for them would bypass (NaN written as the string
 * {@code "NaN"}, a long beyond 2^53 rounded by the reader). An empty one is absent, like an
 * empty {@code Optional}.
 */
final class OptionalNumberSerializer extends NumberRulesSerializer {

	static final OptionalNumberSerializer FLOAT64 = new OptionalNumberSerializer(false);

	private static final OptionalNumberSerializer INT64 = new OptionalNumberSerializer(true);

	private OptionalNumberSerializer(boolean int64) {
		super(int64);
	}

	@Override
	NumberRulesSerializer asInt64() {
		return INT64;
	}

	@Override
	public boolean isEmpty(SerializationContext ctxt, Object value) {
		return number(value) == null;
	}

	@Override
	public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
		Number number = number(value);
		if (number == null) {
			gen.writeNull();
		}
		else {
			writeNumber(number, gen, ctxt);
		}
	}

	private static @Nullable Number number(Object optional) {
		if (optional instanceof OptionalLong value) {
			return value.isPresent() ? value.getAsLong() : null;
		}
		if (optional instanceof OptionalInt value) {
			return value.isPresent() ? value.getAsInt() : null;
		}
		OptionalDouble value = (OptionalDouble) optional;
		return value.isPresent() ? value.getAsDouble() : null;
	}

}
