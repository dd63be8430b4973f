package io.convexspring.sample.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexInt64;

/**
 * Helpers for the demo functions' values, which the deployment encodes with the project's
 * {@link ConvexCodec}: arguments arrive as the codec decodes an untyped object ({@code Long} for
 * int64, {@code Double} for float64, {@code byte[]}, {@code List}, {@code Map}); results are plain
 * Java values with {@link ConvexInt64} wherever the TypeScript function returns a
 * {@code bigint}.
 */
final class ConvexValues {

	private static final ConvexCodec CODEC = ConvexCodec.create();

	private ConvexValues() {
	}

	/** Builds an object whose fields keep the given order, so answers read naturally. */
	static Map<String, @Nullable Object> object(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return object;
	}

	/**
	 * The value as compact JSON, the way the backend quotes values in error messages: a float64
	 * with its decimal point ({@code 42.0}), other values in their wire form.
	 */
	static String render(@Nullable Object value) {
		if (value instanceof Double number && Double.isFinite(number) && !isNegativeZero(number)) {
			return Double.toString(number);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ConvexValues::render).collect(Collectors.joining(",", "[", "]"));
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((field) -> CODEC.toWireJson(String.valueOf(field.getKey())) + ":" + render(field.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		// A decoded Long was an int64.
		return CODEC.toWireJson((value instanceof Long number) ? ConvexInt64.of(number) : value);
	}

	private static boolean isNegativeZero(double value) {
		return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
	}

}
