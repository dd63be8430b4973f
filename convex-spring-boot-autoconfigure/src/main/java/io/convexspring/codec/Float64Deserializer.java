package io.convexspring.codec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads {@code double} and {@code float} (boxed or not) from a Convex float64, or from an int64
 * only when the floating-point type holds it exactly; a {@code float} target takes only values
 * that survive the narrowing.
 */
final class Float64Deserializer extends StdScalarDeserializer<Object> {

	private final Class<?> target;

	private final boolean single;

	Float64Deserializer(Class<?> target) {
		super(target);
		this.target = target;
		this.single = (target == float.class || target == Float.class);
	}

	@Override
	public Object deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		double value;
		if (token == JsonToken.VALUE_NUMBER_FLOAT) {
			value = p.getDoubleValue();
		}
		else if (token == JsonToken.VALUE_NUMBER_INT) {
			long integer = p.getLongValue();
			value = (double) integer;
			if (value >= 0x1p63 || (long) value != integer) {
				return ctxt.reportInputMismatch(this,
						"int64 %s cannot be read as a Java %s without rounding; declare long or BigInteger", integer,
						this.target.getSimpleName());
			}
		}
		else {
			return ctxt.handleUnexpectedToken(getValueType(ctxt), p);
		}
		if (!this.single) {
			return value;
		}
		float narrowed = (float) value;
		if ((double) narrowed != value && !Double.isNaN(value)) {
			return ctxt.reportInputMismatch(this, "%s cannot be read as a Java float without rounding; declare double",
					value);
		}
		return narrowed;
	}

	@Override
	public @Nullable Object getNullValue(DeserializationContext ctxt) {
		if (this.target.isPrimitive()) {
			return ctxt.reportInputMismatch(this, "null or absent value cannot be read as a Java %s; declare %s",
					this.target.getName(), IntegralDeserializer.boxed(this.target).getSimpleName());
		}
		return null;
	}

}
