package io.convexspring.codec;

import java.util.Base64;

/**
 * The 8-byte little-endian payloads of {@code $integer} and {@code $float}, in base64.
 */
final class WireNumbers {

	/**
	 * Largest magnitude up to which float64 holds every integer (2^53); beyond it, an integer
	 * would be rounded to an even neighbour.
	 */
	static final long MAX_EXACT_INTEGER = 1L << 53;

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

	/**
	 * Whether float64 holds a long exactly without rounding: every integer within ±2^53.
	 */
	static boolean isExactInFloat64(long value) {
		return value >= -MAX_EXACT_INTEGER && value <= MAX_EXACT_INTEGER;
	}

	/**
	 * Whether a double is an integer that can be written without a fraction or exponent
	 * ({@code 42} rather than {@code 42.0}), as JavaScript writes it.
	 */
	static boolean isIntegralExact(double value) {
		return value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER;
	}

}
