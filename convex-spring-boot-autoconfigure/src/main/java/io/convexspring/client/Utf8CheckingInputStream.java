package io.convexspring.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while checking that it is well-formed UTF-8 (RFC 3629): no overlong
 * forms such as {@code C0 AF}, no surrogates, nothing beyond U+10FFFF, no sequence cut off at
 * the end. Jackson's byte parser decodes such input without complaint; the official decoder,
 * reading through {@code TextDecoder}, would not see the same text. ASCII passes on a short
 * path; the state carries over from one read to the next.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

	/** Continuation bytes still expected in the current sequence. */
	private int pending;

	/** The range the next continuation byte must fall in (narrower right after some leads). */
	private int low = 0x80;

	private int high = 0xBF;

	private long offset;

	Utf8CheckingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = this.in.read();
		if (b == -1) {
			checkEnd();
		}
		else {
			check(b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int from, int length) throws IOException {
		int count = this.in.read(buffer, from, length);
		if (count == -1) {
			checkEnd();
			return -1;
		}
		for (int i = from, end = from + count; i < end; i++) {
			byte b = buffer[i];
			if (b >= 0 && this.pending == 0) {
				this.offset++;
				continue;
			}
			check(b & 0xFF);
		}
		return count;
	}

	@Override
	public long skip(long n) throws IOException {
		// skipped bytes would go unchecked: read them instead
		byte[] sink = new byte[(int) Math.min(n, 8192)];
		int read = read(sink, 0, sink.length);
		return Math.max(read, 0);
	}

	private void check(int b) {
		if (this.pending > 0) {
			if (b < this.low || b > this.high) {
				throw invalid(b);
			}
			this.pending--;
			this.low = 0x80;
			this.high = 0xBF;
		}
		else if (b >= 0x80) {
			lead(b);
		}
		this.offset++;
	}

	private void lead(int b) {
		if (b >= 0xC2 && b <= 0xDF) {
			this.pending = 1;
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			this.pending = 2;
			if (b == 0xE0) {
				this.low = 0xA0; // below: an overlong three-byte form
			}
			else if (b == 0xED) {
				this.high = 0x9F; // above: a UTF-16 surrogate
			}
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			this.pending = 3;
			if (b == 0xF0) {
				this.low = 0x90; // below: an overlong four-byte form
			}
			else if (b == 0xF4) {
				this.high = 0x8F; // above: beyond U+10FFFF
			}
		}
		else {
			// a stray continuation byte, C0/C1 (overlong two-byte forms) or F5-FF
			throw invalid(b);
		}
	}

	private void checkEnd() {
		if (this.pending > 0) {
			throw new InvalidUtf8Exception("the body is not valid UTF-8: it ends inside a multi-byte sequence");
		}
	}

	private InvalidUtf8Exception invalid(int b) {
		return new InvalidUtf8Exception(
				"the body is not valid UTF-8: byte 0x" + Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT)
						+ " at offset " + this.offset);
	}

	/** The body breaks UTF-8; unchecked, so that it passes through the JSON parser as it is. */
	static final class InvalidUtf8Exception extends RuntimeException {

		InvalidUtf8Exception(String message) {
			super(message, null, false, false);
		}

	}

}
