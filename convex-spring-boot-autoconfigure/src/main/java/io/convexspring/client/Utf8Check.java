package io.convexspring.client;

import java.util.Locale;

/**
 * Checks that a body is well-formed UTF-8 (RFC 3629): no overlong forms such as
 * {@code C0 AF}, no surrogates, nothing beyond U+10FFFF, no sequence cut off at the end.
 * Jackson's byte parser decodes such input without complaint; the official decoder, reading
 * through {@code TextDecoder}, would not see the same text. ASCII, nearly all of a Convex
 * response, passes on a short path.
 */
final class Utf8Check {

	private Utf8Check() {
	}

	/**
	 * Checks the first {@code length} bytes.
	 * @throws InvalidUtf8Exception where they break UTF-8
	 */
	static void check(byte[] bytes, int length) {
		int i = 0;
		while (i < length) {
			int b = bytes[i];
			if (b >= 0) {
				i++;
				continue;
			}
			i = sequence(bytes, i, length, b & 0xFF);
		}
	}

	/** Checks the multi-byte sequence whose lead is at {@code at}; returns where the next starts. */
	private static int sequence(byte[] bytes, int at, int length, int lead) {
		int continuations;
		// the range of the first continuation byte, narrower after some leads
		int low = 0x80;
		int high = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			continuations = 1;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			continuations = 2;
			if (lead == 0xE0) {
				low = 0xA0; // below: an overlong three-byte form
			}
			else if (lead == 0xED) {
				high = 0x9F; // above: a UTF-16 surrogate
			}
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			continuations = 3;
			if (lead == 0xF0) {
				low = 0x90; // below: an overlong four-byte form
			}
			else if (lead == 0xF4) {
				high = 0x8F; // above: beyond U+10FFFF
			}
		}
		else {
			// a stray continuation byte, C0/C1 (overlong two-byte forms) or F5-FF
			throw invalid(lead, at);
		}
		for (int i = at + 1; i <= at + continuations; i++) {
			if (i >= length) {
				throw new InvalidUtf8Exception("the body is not valid UTF-8: it ends inside a multi-byte sequence");
			}
			int b = bytes[i] & 0xFF;
			if (b < low || b > high) {
				throw invalid(b, i);
			}
			low = 0x80;
			high = 0xBF;
		}
		return at + continuations + 1;
	}

	private static InvalidUtf8Exception invalid(int b, int offset) {
		return new InvalidUtf8Exception("the body is not valid UTF-8: byte 0x"
				+ Integer.toHexString(b).toUpperCase(Locale.ROOT) + " at offset " + offset);
	}

	/** The body breaks UTF-8. */
	static final class InvalidUtf8Exception extends RuntimeException {

		InvalidUtf8Exception(String message) {
			super(message, null, false, false);
		}

	}

}
