package io.convexspring.client;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.convexspring.codec.Int64Node;

/**
 * Writes {@code ConvexError} data as the official JavaScript client's {@code ConvexError}
 * message does ({@code stringifyValueForError}): {@code JSON.stringify} with an int64 as the
 * string {@code "<n>n"}, numbers in JavaScript's own format ({@code 1250}, not {@code 1250.0}),
 * bytes as {@code {}}, and anything longer than 16384 characters cut.
 */
final class ErrorDataText {

	private static final int MAX_LENGTH = 16384;

	private static final String TRUNCATED = "[...truncated]";

	private ErrorDataText() {
	}

	static String of(JsonNode data) {
		if (data.isString()) {
			return data.stringValue();
		}
		StringBuilder out = new StringBuilder();
		write(data, out);
		if (out.length() <= MAX_LENGTH) {
			return out.toString();
		}
		int cut = MAX_LENGTH - TRUNCATED.length();
		if (Character.isHighSurrogate(out.charAt(cut - 1))) {
			cut--;
		}
		return out.substring(0, cut) + TRUNCATED;
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				out.append(first ? "" : ",");
				quote(field.getKey(), out);
				out.append(':');
				write(field.getValue(), out);
				first = false;
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				out.append((i > 0) ? "," : "");
				write(node.get(i), out);
			}
			out.append(']');
		}
		else if (node instanceof Int64Node) {
			quote(node.longValue() + "n", out);
		}
		else if (node.isNumber()) {
			out.append(number(node.doubleValue()));
		}
		else if (node.isString()) {
			quote(node.stringValue(), out);
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isBinary()) {
			// JSON.stringify writes an ArrayBuffer as an empty object
			out.append("{}");
		}
		else {
			out.append("null");
		}
	}

	/** A double as JavaScript's {@code Number.prototype.toString}, within JSON. */
	static String number(double value) {
		if (!Double.isFinite(value)) {
			return "null";
		}
		if (value == 0) {
			return "0";
		}
		BigDecimal decimal = shortest(Math.abs(value));
		String digits = decimal.unscaledValue().toString();
		int k = digits.length();
		int n = k - decimal.scale();
		String text;
		if (k <= n && n <= 21) {
			text = digits + "0".repeat(n - k);
		}
		else if (0 < n && n <= 21) {
			text = digits.substring(0, n) + "." + digits.substring(n);
		}
		else if (-6 < n && n <= 0) {
			text = "0." + "0".repeat(-n) + digits;
		}
		else {
			int exponent = n - 1;
			text = digits.charAt(0) + ((k > 1) ? "." + digits.substring(1) : "") + "e" + ((exponent < 0) ? "-" : "+")
					+ Math.abs(exponent);
		}
		return (value < 0) ? "-" + text : text;
	}

	/** The shortest decimal that reads back as the value, as JavaScript picks it. */
	private static BigDecimal shortest(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int precision = 1; precision < 17; precision++) {
			BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			if (rounded.doubleValue() == value) {
				return rounded.stripTrailingZeros();
			}
		}
		return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
	}

	private static void quote(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					boolean loneSurrogate = Character.isSurrogate(c)
							&& !(Character.isHighSurrogate(c) && i + 1 < text.length()
									&& Character.isLowSurrogate(text.charAt(i + 1)))
							&& !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
					if (c < 0x20 || loneSurrogate) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
