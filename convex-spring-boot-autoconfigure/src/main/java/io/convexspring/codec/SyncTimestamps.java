package io.convexspring.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The sync protocol's timestamps ({@code Transition} versions, {@code MutationResponse.ts},
 * {@code Connect.maxObservedTimestamp}): u64 nanoseconds since the Unix epoch, written as their 8
 * little-endian bytes in standard base64 with padding ({@code "AAAAAAAAAAA="} is zero). One form
 * for the live-query client and for the servers that answer it.
 */
public final class SyncTimestamps {

	private SyncTimestamps() {
	}

	/**
	 * Encodes a timestamp.
	 * @param ts the timestamp, in nanoseconds
	 * @return its wire form
	 */
	public static String encode(long ts) {
		return Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ts).array());
	}

	/**
	 * Decodes a timestamp.
	 * @param text its wire form
	 * @return the timestamp, in nanoseconds
	 * @throws IllegalArgumentException if the text is not base64 of exactly 8 bytes
	 */
	public static long decode(String text) {
		byte[] bytes = Base64.getDecoder().decode(text);
		if (bytes.length != 8) {
			throw new IllegalArgumentException("A timestamp is 8 bytes, not " + bytes.length);
		}
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

}
