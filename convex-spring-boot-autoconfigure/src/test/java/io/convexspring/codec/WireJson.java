package io.convexspring.codec;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares wire JSON the way the backend reads it: numbers by value ({@code 42} and
 * {@code 42.0} are the same float64, and so are {@code 1.0E308} and {@code 1e+308}), object
 * keys in any order.
 */
final class WireJson {

	/** A mapper with none of the codec's rules: it shows the wire JSON as it is. */
	static final JsonMapper PLAIN = JsonMapper.builder().build();

	private WireJson() {
	}

	static JsonNode parse(String json) {
		return PLAIN.readTree(json);
	}

	/**
	 * Asserts that two wire JSON texts hold the same Convex value.
	 * @param actual the JSON under test
	 * @param expected the expected JSON (single quotes stand for double quotes)
	 */
	static void assertSameWire(String actual, String expected) {
		JsonNode expectedTree = parse(expected.replace('\'', '"'));
		assertThat(sameValue(parse(actual), expectedTree)).as("wire %s, expected %s", actual, expectedTree).isTrue();
	}

	static boolean sameValue(JsonNode a, JsonNode b) {
		if (a.isNumber() && b.isNumber()) {
			// exact: a long beyond 2^53 must not equal its rounded double
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		if (a.isObject() && b.isObject()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> field : a.properties()) {
				JsonNode other = b.get(field.getKey());
				if (other == null || !sameValue(field.getValue(), other)) {
					return false;
				}
			}
			return true;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!sameValue(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		return a.equals(b);
	}

}
