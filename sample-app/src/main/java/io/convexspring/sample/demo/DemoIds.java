package io.convexspring.sample.demo;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers in the shapes that real services hand out (request ids, provider ids,
 * Convex document ids), so that demo output looks like production output.
 */
final class DemoIds {

	private static final String HEX = "0123456789abcdef";

	/** Convex document ids use a lowercase base-32 alphabet without easily confused letters. */
	private static final String DOCUMENT_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

	private static final int DOCUMENT_ID_LENGTH = 32;

	private DemoIds() {
	}

	static String hex(int length) {
		return random(HEX, length);
	}

	static String documentId() {
		return random(DOCUMENT_ID_ALPHABET, DOCUMENT_ID_LENGTH);
	}

	private static String random(String alphabet, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
