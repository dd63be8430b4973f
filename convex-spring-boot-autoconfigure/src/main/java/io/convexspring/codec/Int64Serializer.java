package io.convexspring.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@link ConvexInt64}, or an integral number in an {@link Int64 @Int64} property, as a
 * Convex int64: {@code {"$integer": base64 of 8 little-endian bytes}}.
 */
final class Int64Serializer extends StdSerializer<Object> {

	static final Int64Serializer INSTANCE = new Int64Serializer();

	private Int64Serializer() {
		super(Object.class);
	}

	@Override
	public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeStartObject();
		gen.writeStringProperty("$integer", WireNumbers.encodeLong(toLong(value, ctxt)));
		gen.writeEndObject();
	}

	private static long toLong(Object value, SerializationContext ctxt) {
		if (value instanceof ConvexInt64 int64) {
			return int64.value();
		}
		if (value instanceof BigInteger integer) {
			if (integer.bitLength() > 63) {
				throw DatabindException.from(ctxt,
						"BigInteger " + integer + " does not fit into a 64-bit signed integer.");
			}
			return integer.longValue();
		}
		if (value instanceof BigDecimal decimal) {
			try {
				return decimal.longValueExact();
			}
			catch (ArithmeticException ex) {
				throw DatabindException.from(ctxt, "Number " + decimal.toPlainString() + " is not a 64-bit integer");
			}
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (d != Math.rint(d) || d < -0x1p63 || d >= 0x1p63) {
				throw DatabindException.from(ctxt, "Number " + value + " is not a 64-bit integer");
			}
			return (long) d;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw DatabindException.from(ctxt,
				"@Int64 applies to integral numbers, not to " + value.getClass().getName());
	}

}
