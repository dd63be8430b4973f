package io.convexspring.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Builds the bodies a Convex deployment answers with, in the wire protocol's own terms, so
 * tests read like the exchanges they stub.
 */
final class Wire {

	private Wire() {
	}

	/** {@code {"status":"success","value":<value>}}. */
	static String success(String valueJson) {
		return "{\"status\":\"success\",\"value\":" + valueJson + "}";
	}

	/** A plain function failure. */
	static String failure(String errorMessage, String... logLines) {
		return "{\"status\":\"error\",\"errorMessage\":" + quote(errorMessage) + logLines(logLines) + "}";
	}

	/** A failure by {@code ConvexError}, with its data. */
	static String convexError(String errorMessage, String errorDataJson, String... logLines) {
		return "{\"status\":\"error\",\"errorMessage\":" + quote(errorMessage) + ",\"errorData\":" + errorDataJson
				+ logLines(logLines) + "}";
	}

	/** {@code {"code":...,"message":...}}, as the backend refuses a request outside a function. */
	static String refusal(String code, String message) {
		return "{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}";
	}

	/** {@code {"$integer": base64 of the 8 little-endian bytes}}. */
	static String int64(long value) {
		return "{\"$integer\":\"" + base64(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array())
				+ "\"}";
	}

	/** {@code {"$bytes": base64}}. */
	static String bytes(byte[] value) {
		return "{\"$bytes\":\"" + base64(value) + "\"}";
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static String logLines(String... lines) {
		if (lines.length == 0) {
			return "";
		}
		StringBuilder out = new StringBuilder(",\"logLines\":[");
		for (int i = 0; i < lines.length; i++) {
			out.append((i > 0) ? "," : "").append(quote(lines[i]));
		}
		return out.append(']').toString();
	}

}
