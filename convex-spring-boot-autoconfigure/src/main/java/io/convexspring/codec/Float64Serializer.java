package io.convexspring.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes any Java {@link Number} as a Convex float64 ({@code v.number()}), refusing a value
 * that float64 cannot hold exactly rather than rounding it. A property annotated
 * {@link Int64 @Int64} gets the {@link Int64Serializer} instead.
 */
final class Float64Serializer extends StdSerializer<Number> {

	static final Float64Serializer INSTANCE = new Float64Serializer();

	private Float64Serializer() {
		super(Number.class);
	}

	@Override
	public ValueSerializer<?> createContextual(SerializationContext ctxt, @Nullable BeanProperty property) {
		return (property != null && property.getAnnotation(Int64.class) != null) ? Int64Serializer.INSTANCE : this;
	}

	@Override
	public void serialize(Number value, JsonGenerator gen, SerializationContext ctxt) {
		if (value instanceof Double || value instanceof Float) {
			writeDouble(value.doubleValue(), gen);
		}
		else if (value instanceof BigDecimal decimal) {
			writeDecimal(decimal, gen, ctxt);
		}
		else if (value instanceof BigInteger integer) {
			if (integer.bitLength() > 63 || !WireNumbers.isExactInFloat64(integer.longValue())) {
				throw unsafe(integer, ctxt);
			}
			gen.writeNumber(integer.longValue());
		}
		else {
			long integral = value.longValue();
			if (!WireNumbers.isExactInFloat64(integral)) {
				throw unsafe(value, ctxt);
			}
			gen.writeNumber(integral);
		}
	}

	static void writeDouble(double value, JsonGenerator gen) {
		if (!WireNumbers.isPlainNumber(value)) {
			gen.writeStartObject();
			gen.writeStringProperty("$float", WireNumbers.encodeDouble(value));
			gen.writeEndObject();
		}
		else if (WireNumbers.isIntegralExact(value)) {
			// 42.0 goes out as 42, as JavaScript writes it
			gen.writeNumber((long) value);
		}
		else {
			gen.writeNumber(value);
		}
	}

	private static void writeDecimal(BigDecimal decimal, JsonGenerator gen, SerializationContext ctxt) {
		double value = decimal.doubleValue();
		// the decimal must be a double's shortest decimal form (19.99) or its exact binary value
		// (0.1000000000000000055511151231257827021181583404541015625), not anything in between
		if (!Double.isFinite(value) || (BigDecimal.valueOf(value).compareTo(decimal) != 0
				&& new BigDecimal(value).compareTo(decimal) != 0)) {
			throw DatabindException.from(ctxt, "BigDecimal " + decimal.toPlainString()
					+ " cannot be sent as a Convex float64 (v.number()) without rounding");
		}
		writeDouble(value, gen);
	}

	private static DatabindException unsafe(Number value, SerializationContext ctxt) {
		return DatabindException.from(ctxt, "Integer " + value + " cannot be sent as a Convex float64 (v.number())"
				+ " without rounding (beyond ±2^53); if the validator is v.int64(), annotate the field with"
				+ " @Int64 or send a ConvexInt64");
	}

}
