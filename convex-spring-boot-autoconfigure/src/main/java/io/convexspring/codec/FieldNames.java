package io.convexspring.codec;

import org.jspecify.annotations.Nullable;

/**
 * Convex's rules for object field names, shared by the encoder and the decoder.
 */
final class FieldNames {

	static final int MAX_LENGTH = 1024;

	private FieldNames() {
	}

	/**
	 * Checks a field name against Convex's rules.
	 * @param name the field name
	 * @return why the name is refused, in the official client's words, or {@code null} when it
	 * is valid
	 */
	static @Nullable String problem(String name) {
		if (name.startsWith("$")) {
			return "Field name " + name + " starts with a '$', which is reserved.";
		}
		if (name.length() > MAX_LENGTH) {
			return "Field name " + name.substring(0, 32) + "... is longer than " + MAX_LENGTH + " characters.";
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 32 || c >= 127) {
				return "Field name " + name + " has invalid character '" + c
						+ "': Field names can only contain non-control ASCII characters";
			}
		}
		return null;
	}

}
