package io.convexspring.codec;

import java.util.Base64;

/**
 * The 8-byte little-endian payloads of {@code $integer} and {@code $float}, in base64.
 */
final class WireNumbers {

	/** Largest integer that float64 holds together with all its neighbours (2^53 - 1). */
	static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private WireNumbers() {
	}

	static String encodeLong(long value) {
		byte[] bytes = new byte[8];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (value >>> (8 * i));
		}
		return Base64.getEncoder().encodeToString(bytes);
	}

	static long decodeLong(byte[] bytes) {
		long value = 0;
		for (int i = 7; i >= 0; i--) {
			value = (value << 8) | (bytes[i] & 0xFF);
		}
		return value;
	}

	static String encodeDouble(double value) {
		return encodeLong(Double.doubleToRawLongBits(value));
	}

	static double decodeDouble(byte[] bytes) {
		return Double.longBitsToDouble(decodeLong(bytes));
	}

	/**
	 * Whether a double travels as a plain JSON number; NaN, the infinities and -0 do not.
	 */
	static boolean isPlainNumber(double value) {
		return Double.isFinite(value) && !(value == 0.0 && Double.doubleToRawLongBits(value) != 0L);
	}

	static boolean isSafeInteger(long value) {
		return value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER;
	}

	/**
	 * Formats a double the way JavaScript does for the common integral case, so that what we
	 * send reads like what the official client sends.
	 */
	static boolean isIntegralSafe(double value) {
		return value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER;
	}

}
