package io.convexspring.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads Java integral types from a Convex int64, or from a float64 only when it holds an exact
 * integer in the type's range: 1.5 into a {@code long}, or 2^40 into an {@code int}, is an
 * error, never a truncation.
 */
final class IntegralDeserializer extends StdScalarDeserializer<Object> {

	private final Class<?> target;

	private final long min;

	private final long max;

	IntegralDeserializer(Class<?> target, long min, long max) {
		super(target);
		this.target = target;
		this.min = min;
		this.max = max;
	}

	@Override
	public Object deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
				return fromBig(p.getBigIntegerValue(), ctxt);
			}
			return fromLong(p.getLongValue(), ctxt);
		}
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			double value = p.getDoubleValue();
			if (value != Math.rint(value) || Double.isInfinite(value)) {
				return ctxt.reportInputMismatch(this, "float64 %s is not an integer, so it cannot be read as %s",
						value, this.target.getSimpleName());
			}
			if (value >= -0x1p63 && value < 0x1p63 && this.target != BigInteger.class) {
				// the common case (a Date.now() timestamp): no BigDecimal per value
				return fromLong((long) value, ctxt);
			}
			return fromBig(new BigDecimal(value).toBigIntegerExact(), ctxt);
		}
		return ctxt.handleUnexpectedToken(getValueType(ctxt), p);
	}

	private Object fromBig(BigInteger value, DeserializationContext ctxt) {
		if (this.target == BigInteger.class) {
			return value;
		}
		if (value.bitLength() > 63) {
			return ctxt.reportInputMismatch(this, "%s is out of range for %s", value, this.target.getSimpleName());
		}
		return fromLong(value.longValue(), ctxt);
	}

	private Object fromLong(long value, DeserializationContext ctxt) {
		if (value < this.min || value > this.max) {
			return ctxt.reportInputMismatch(this, "%s is out of range for %s", value, this.target.getSimpleName());
		}
		if (this.target == Integer.class || this.target == int.class) {
			return (int) value;
		}
		if (this.target == Short.class || this.target == short.class) {
			return (short) value;
		}
		if (this.target == Byte.class || this.target == byte.class) {
			return (byte) value;
		}
		if (this.target == BigInteger.class) {
			return BigInteger.valueOf(value);
		}
		return value;
	}

	@Override
	public @Nullable Object getNullValue(DeserializationContext ctxt) {
		if (this.target.isPrimitive()) {
			return ctxt.reportInputMismatch(this, "null or absent value cannot be read as a Java %s; declare %s",
					this.target.getName(), boxed(this.target).getSimpleName());
		}
		return null;
	}

	static Class<?> boxed(Class<?> type) {
		if (type == long.class) {
			return Long.class;
		}
		if (type == int.class) {
			return Integer.class;
		}
		if (type == short.class) {
			return Short.class;
		}
		if (type == byte.class) {
			return Byte.class;
		}
		if (type == double.class) {
			return Double.class;
		}
		return (type == float.class) ? Float.class : type;
	}

}
