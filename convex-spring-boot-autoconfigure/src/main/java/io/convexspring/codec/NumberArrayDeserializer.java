package io.convexspring.codec;

import java.lang.reflect.Array;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@code long[]}, {@code int[]}, {@code short[]}, {@code double[]} and {@code float[]}
 * element by element with the exact number rules, which Jackson's own array readers would
 * bypass (1.5 truncated into a {@code long[]}, an int64 beyond 2^53 rounded into a
 * {@code double[]}).
 */
final class NumberArrayDeserializer extends StdDeserializer<Object> {

	private final Class<?> component;

	private final ValueDeserializer<?> elements;

	NumberArrayDeserializer(Class<?> arrayType, ValueDeserializer<?> elements) {
		super(arrayType);
		this.component = arrayType.getComponentType();
		this.elements = elements;
	}

	@Override
	public Object deserialize(JsonParser p, DeserializationContext ctxt) {
		if (!p.isExpectedStartArrayToken()) {
			return ctxt.handleUnexpectedToken(getValueType(ctxt), p);
		}
		Object array = Array.newInstance(this.component, 8);
		int length = 0;
		while (p.nextToken() != JsonToken.END_ARRAY) {
			Object element;
			try {
				element = (p.currentToken() == JsonToken.VALUE_NULL) ? this.elements.getNullValue(ctxt)
						: this.elements.deserialize(p, ctxt);
			}
			catch (JacksonException ex) {
				throw ex.prependPath(array, length);
			}
			if (length == Array.getLength(array)) {
				array = copyOf(array, length * 2);
			}
			Array.set(array, length++, element);
		}
		return copyOf(array, length);
	}

	private Object copyOf(Object array, int length) {
		Object copy = Array.newInstance(this.component, length);
		System.arraycopy(array, 0, copy, 0, Math.min(length, Array.getLength(array)));
		return copy;
	}

}
