package io.convexspring.codec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Base of the serializers for containers of numbers (arrays, optionals) that Jackson would
 * otherwise write with its own rules: each number goes through the float64 rules, or the int64
 * ones where the property is annotated {@link Int64 @Int64}.
 */
abstract class NumberRulesSerializer extends StdSerializer<Object> {

	private final boolean int64;

	NumberRulesSerializer(boolean int64) {
		super(Object.class);
		this.int64 = int64;
	}

	/** The same serializer, writing its numbers as int64. */
	abstract NumberRulesSerializer asInt64();

	@Override
	public ValueSerializer<?> createContextual(SerializationContext ctxt, @Nullable BeanProperty property) {
		return (!this.int64 && property != null && property.getAnnotation(Int64.class) != null) ? asInt64() : this;
	}

	final void writeNumber(Number number, JsonGenerator gen, SerializationContext ctxt) {
		if (this.int64) {
			Int64Serializer.INSTANCE.serialize(number, gen, ctxt);
		}
		else {
			Float64Serializer.INSTANCE.serialize(number, gen, ctxt);
		}
	}

}
