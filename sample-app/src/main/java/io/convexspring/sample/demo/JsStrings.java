package io.convexspring.sample.demo;

import java.util.regex.Pattern;

/**
 * String rules as JavaScript applies them, for the few places where the TypeScript functions'
 * results depend on them: what {@code \s} and {@code trim()} count as white space differs from
 * Java's {@code \s} and {@code isBlank()} (no-break spaces, the BOM, line separators).
 */
final class JsStrings {

	/** JavaScript's {@code \s}: its WhiteSpace and LineTerminator characters. */
	static final String WHITESPACE = "[\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

	private static final Pattern RUNS_OF_WHITESPACE = Pattern.compile(WHITESPACE + "+");

	private static final Pattern ALL_WHITESPACE = Pattern.compile(WHITESPACE + "*");

	private JsStrings() {
	}

	/** {@code text.trim() === ""}. */
	static boolean isBlank(String text) {
		return ALL_WHITESPACE.matcher(text).matches();
	}

	/** {@code text.split(/\s+/).filter((word) => word !== "").length}. */
	static int countWords(String text) {
		int words = 0;
		for (String word : RUNS_OF_WHITESPACE.split(text)) {
			if (!word.isEmpty()) {
				words++;
			}
		}
		return words;
	}

}
