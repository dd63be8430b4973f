package io.convexspring.sample.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that maps Convex values to and from the lossless "convex_encoded_json" wire
 * form. In Java a Convex value is {@code null}, {@link Boolean}, {@link String}, {@link Double}
 * (float64), {@link Long} or {@link Integer} (int64), {@code byte[]}, {@link List} or {@link Map},
 * so the demo functions work with plain Java values and never see the wire tricks. Decoding
 * refuses what the official decoder refuses, with its messages.
 */
final class ConvexValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

	static JsonNode encode(@Nullable Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof Boolean b) {
			return NODES.booleanNode(b);
		}
		if (value instanceof String s) {
			return NODES.stringNode(s);
		}
		if (value instanceof Double d) {
			// JSON has no NaN, infinities or negative zero, so only these need the $float form.
			return isSpecialFloat(d) ? special("$float", eightBytes(Double.doubleToLongBits(d))) : NODES.numberNode(d);
		}
		if (value instanceof Long || value instanceof Integer) {
			return special("$integer", eightBytes(((Number) value).longValue()));
		}
		if (value instanceof byte[] bytes) {
			return special("$bytes", bytes);
		}
		if (value instanceof List<?> list) {
			ArrayNode array = NODES.arrayNode(list.size());
			list.forEach((element) -> array.add(encode(element)));
			return array;
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = NODES.objectNode();
			map.forEach((name, field) -> object.set(checkFieldName((String) name), encode(field)));
			return object;
		}
		throw new IllegalArgumentException("Not a Convex value: " + value.getClass().getName());
	}

	/** The value as compact JSON, the way the backend quotes values in error messages. */
	static String render(@Nullable Object value) {
		return encode(value).toString();
	}

	static @Nullable Object decode(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			// A plain JSON number is always float64: int64 travels only as $integer.
			return node.doubleValue();
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			node.forEach((element) -> list.add(decode(element)));
			return Collections.unmodifiableList(list);
		}
		if (node.size() == 1 && node.propertyNames().iterator().next().startsWith("$")) {
			return decodeSpecial(node.properties().iterator().next());
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		node.forEachEntry((name, field) -> map.put(checkFieldName(name), decode(field)));
		return Collections.unmodifiableMap(map);
	}

	private static Object decodeSpecial(Map.Entry<String, JsonNode> special) {
		String name = special.getKey();
		JsonNode payload = special.getValue();
		switch (name) {
			case "$integer", "$float", "$bytes" -> {
				if (!payload.isString()) {
					throw new IllegalArgumentException("Malformed " + name + " field on " + special);
				}
			}
			case "$set" -> throw new IllegalArgumentException(
					"Received a Set which is no longer supported as a Convex type.");
			case "$map" -> throw new IllegalArgumentException(
					"Received a Map which is no longer supported as a Convex type.");
			default -> checkFieldName(name);
		}
		byte[] bytes = Base64.getDecoder().decode(payload.stringValue());
		if (name.equals("$bytes")) {
			return bytes;
		}
		if (bytes.length != 8) {
			throw new IllegalArgumentException("Received " + bytes.length + " bytes, expected 8 for " + name);
		}
		long bits = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
		if (name.equals("$integer")) {
			return bits;
		}
		double value = Double.longBitsToDouble(bits);
		if (!isSpecialFloat(value)) {
			throw new IllegalArgumentException("Float " + value + " should be encoded as a number");
		}
		return value;
	}

	private static boolean isSpecialFloat(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
	}

	private static ObjectNode special(String name, byte[] bytes) {
		return NODES.objectNode().put(name, Base64.getEncoder().encodeToString(bytes));
	}

	private static byte[] eightBytes(long bits) {
		return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bits).array();
	}

	private static String checkFieldName(String name) {
		if (name.startsWith("$")) {
			throw new IllegalArgumentException("Field name " + name + " starts with a '$', which is reserved.");
		}
		for (char c : name.toCharArray()) {
			if (c < 0x20 || c >= 0x7f) {
				throw new IllegalArgumentException("Field name " + name + " has invalid character '" + c
						+ "': Field names can only contain non-control ASCII characters");
			}
		}
		return name;
	}

}
