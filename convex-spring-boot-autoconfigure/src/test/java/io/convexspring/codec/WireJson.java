package io.convexspring.codec;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Compares wire JSON the way the backend reads it: numbers by value ({@code 42} and
 * {@code 42.0} are the same float64), object keys in any order.
 */
final class WireJson {

	private WireJson() {
	}

	static boolean sameValue(JsonNode a, JsonNode b) {
		if (a.isNumber() && b.isNumber()) {
			return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
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
