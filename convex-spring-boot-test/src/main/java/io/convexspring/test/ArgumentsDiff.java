package io.convexspring.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.convexspring.codec.Int64Node;

/**
 * The differences between the arguments a test expects and those a call sent, both as the
 * codec's lossless trees, one line per difference with its JSON path
 * ({@code $.items[0].quantity: expected 3n, was 3.0}). An int64 is written as JavaScript writes a
 * bigint, {@code 3n}.
 */
final class ArgumentsDiff {

	private ArgumentsDiff() {
	}

	/**
	 * Compares two trees.
	 * @param expected what the test expects
	 * @param actual what the call sent
	 * @param strictNumbers whether an int64 and a float64 of the same value differ (for
	 * expectations written as typed values); otherwise only an expected int64 needs one
	 * @return the differences; empty when they match
	 */
	static List<String> between(JsonNode expected, JsonNode actual, boolean strictNumbers) {
		List<String> differences = new ArrayList<>();
		compare("$", expected, actual, strictNumbers, differences);
		return differences;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, boolean strict, List<String> out) {
		if (expected.isObject() && actual.isObject()) {
			for (Map.Entry<String, JsonNode> field : expected.properties()) {
				JsonNode other = actual.get(field.getKey());
				if (other == null) {
					out.add(path + "." + field.getKey() + ": expected " + show(field.getValue()) + ", was absent");
				}
				else {
					compare(path + "." + field.getKey(), field.getValue(), other, strict, out);
				}
			}
			for (Map.Entry<String, JsonNode> field : actual.properties()) {
				if (!expected.has(field.getKey())) {
					out.add(path + "." + field.getKey() + ": not expected, was " + show(field.getValue()));
				}
			}
			return;
		}
		if (expected.isArray() && actual.isArray()) {
			Iterator<JsonNode> want = expected.iterator();
			Iterator<JsonNode> got = actual.iterator();
			int index = 0;
			while (want.hasNext() || got.hasNext()) {
				String at = path + "[" + index++ + "]";
				if (!got.hasNext()) {
					out.add(at + ": expected " + show(want.next()) + ", was absent");
				}
				else if (!want.hasNext()) {
					out.add(at + ": not expected, was " + show(got.next()));
				}
				else {
					compare(at, want.next(), got.next(), strict, out);
				}
			}
			return;
		}
		if (!same(expected, actual, strict)) {
			out.add(path + ": expected " + show(expected) + ", was " + show(actual));
		}
	}

	private static boolean same(JsonNode expected, JsonNode actual, boolean strict) {
		if (expected.isNumber() && actual.isNumber()) {
			boolean expectedInt64 = expected instanceof Int64Node;
			boolean actualInt64 = actual instanceof Int64Node;
			if (expectedInt64 != actualInt64 && (strict || expectedInt64)) {
				return false;
			}
			if (expectedInt64 && actualInt64) {
				return expected.longValue() == actual.longValue();
			}
			return Double.compare(expected.doubleValue(), actual.doubleValue()) == 0;
		}
		return expected.equals(actual);
	}

	/**
	 * Writes a value for a message: JSON, an int64 as {@code 3n}, bytes by their length.
	 * @param value the value
	 * @return the text
	 */
	static String show(JsonNode value) {
		if (value instanceof Int64Node) {
			return value.longValue() + "n";
		}
		if (value.isBinary()) {
			return "<bytes: " + value.binaryValue().length + ">";
		}
		if (value.isObject()) {
			StringBuilder text = new StringBuilder("{");
			for (Map.Entry<String, JsonNode> field : value.properties()) {
				text.append((text.length() > 1) ? ", " : "").append('"').append(field.getKey()).append("\": ")
					.append(show(field.getValue()));
			}
			return text.append('}').toString();
		}
		if (value.isArray()) {
			StringBuilder text = new StringBuilder("[");
			for (JsonNode element : value) {
				text.append((text.length() > 1) ? ", " : "").append(show(element));
			}
			return text.append(']').toString();
		}
		return value.toString();
	}

}
