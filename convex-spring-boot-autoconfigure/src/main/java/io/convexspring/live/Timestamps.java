package io.convexspring.live;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The sync protocol's timestamps: u64 nanoseconds as 8 little-endian bytes in standard base64.
 */
final class Timestamps {

	private Timestamps() {
	}

	static String encode(long ts) {
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ts).array());
	}

	/**
	 * Decodes a timestamp.
	 * @throws IllegalArgumentException if the text is not base64 of exactly 8 bytes
	 */
	static long decode(String text) {
		byte[] bytes = Base64.getDecoder().decode(text);
		if (bytes.length != 8) {
			throw new IllegalArgumentException("a timestamp is 8 bytes, not " + bytes.length);
		}
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

}
