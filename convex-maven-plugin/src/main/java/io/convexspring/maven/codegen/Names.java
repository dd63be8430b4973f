package io.convexspring.maven.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Java names for Convex names: fields, types, enum constants. Keywords get a trailing
 * {@code _}, punctuation splits words, a leading digit gets a leading {@code _}; the wire name
 * is kept by the caller ({@code @JsonProperty}).
 */
final class Names {

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed",
			"permits", "non-sealed");

	/** Names a record component cannot take: its accessor would override an Object method. */
	private static final Set<String> OBJECT_METHODS = Set.of("hashCode", "toString", "getClass", "notify",
			"notifyAll", "wait", "clone", "finalize");

	private Names() {
	}

	/**
	 * A field or component name: {@code my-field} is {@code myField}, {@code _id} is {@code id},
	 * {@code class} is {@code class_}.
	 */
	static String field(String raw) {
		String name = decapitalize(String.join("", capitalizeAll(words(raw), 1)));
		if (name.isEmpty()) {
			name = "value";
		}
		if (Character.isDigit(name.charAt(0))) {
			name = "_" + name;
		}
		return (KEYWORDS.contains(name) || OBJECT_METHODS.contains(name)) ? name + "_" : name;
	}

	/** A type name: {@code order-item} is {@code OrderItem}. */
	static String type(String raw) {
		String name = String.join("", capitalizeAll(words(raw), 0));
		if (name.isEmpty()) {
			return "Value";
		}
		return Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/** An enum constant: {@code pro-monthly} is {@code PRO_MONTHLY}, {@code 256x256} is {@code _256X256}. */
	static String constant(String raw) {
		List<String> words = new ArrayList<>();
		for (String word : words(raw)) {
			words.addAll(splitCamel(word));
		}
		String name = String.join("_", words).toUpperCase(Locale.ROOT);
		if (name.isEmpty()) {
			return "EMPTY";
		}
		return Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/** The name of one element of a list field: {@code items} is {@code Item}. */
	static String singular(String typeName) {
		if (typeName.endsWith("ies") && typeName.length() > 3) {
			return typeName.substring(0, typeName.length() - 3) + "y";
		}
		if (typeName.endsWith("s") && !typeName.endsWith("ss") && !typeName.endsWith("us")
				&& !typeName.endsWith("is") && typeName.length() > 1) {
			return typeName.substring(0, typeName.length() - 1);
		}
		return typeName + "Item";
	}

	/** A name not in {@code taken}: the name itself, else with 2, 3, ... appended. */
	static String unique(String name, Set<String> taken) {
		if (!taken.contains(name)) {
			return name;
		}
		for (int suffix = 2;; suffix++) {
			if (!taken.contains(name + suffix)) {
				return name + suffix;
			}
		}
	}

	private static List<String> words(String raw) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < 128 && Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	private static List<String> capitalizeAll(List<String> words, int from) {
		List<String> result = new ArrayList<>(words);
		for (int i = from; i < result.size(); i++) {
			String word = result.get(i);
			result.set(i, Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return result;
	}

	/** As {@code java.beans.Introspector}: {@code URL} stays, {@code ChargeId} is {@code chargeId}. */
	private static String decapitalize(String name) {
		if (name.isEmpty() || (name.length() > 1 && Character.isUpperCase(name.charAt(1))
				&& Character.isUpperCase(name.charAt(0)))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static List<String> splitCamel(String word) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 1; i < word.length(); i++) {
			if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
				parts.add(word.substring(start, i));
				start = i;
			}
		}
		parts.add(word.substring(start));
		return parts;
	}

}
