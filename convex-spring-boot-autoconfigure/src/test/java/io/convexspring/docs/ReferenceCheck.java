package io.convexspring.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a class's entries in the reference with its public constructors and methods: each
 * must be documented, each entry must exist, with the same parameter types and return type.
 */
final class ReferenceCheck {

	private ReferenceCheck() {
	}

	/**
	 * Compares one class.
	 * @param file the reference's name, for messages
	 * @param type the class
	 * @param entries what the reference says of it
	 * @return what differs, each as {@code file:line: ...}; empty if nothing
	 */
	static List<String> compare(String file, Class<?> type, List<ReferenceDoc.Entry> entries) {
		List<String> problems = new ArrayList<>();
		Map<String, Signatures.Member> actual = Signatures.of(type);
		Map<String, ReferenceDoc.Entry> documented = new LinkedHashMap<>();
		for (ReferenceDoc.Entry entry : entries) {
			if (documented.putIfAbsent(entry.signature(), entry) != null) {
				problems.add(file + ":" + entry.line() + ": " + type.getSimpleName() + "." + entry.signature()
						+ " is documented twice");
			}
		}
		actual.forEach((signature, member) -> {
			ReferenceDoc.Entry entry = documented.get(signature);
			if (entry == null) {
				problems.add(file + ": " + type.getSimpleName() + " has " + describe(member)
						+ ", which the reference does not document: add an entry ### `" + signature + "`");
				return;
			}
			String where = file + ":" + entry.line() + ": " + type.getSimpleName() + "." + signature + ": ";
			member.parameterTypes().forEach((name, parameterType) -> {
				String written = entry.parameterTypes().get(name);
				if (written == null) {
					problems.add(where + "no row for parameter " + name + " (| `" + name + "` | `" + parameterType
							+ "` | ... |)");
				}
				else if (!written.equals(parameterType)) {
					problems.add(where + "parameter " + name + " is `" + parameterType + "` in the code, `" + written
							+ "` in the reference");
				}
			});
			entry.parameterTypes().keySet().stream()
				.filter((name) -> !member.parameterTypes().containsKey(name))
				.forEach((name) -> problems.add(where + "the table has a row for " + name + ", which is no parameter"));
			if (!member.constructor() && !Objects.equals(entry.returnType(), member.returnType())) {
				problems.add(where + "returns `" + member.returnType() + "` in the code, "
						+ ((entry.returnType() != null) ? "`" + entry.returnType() + "`" : "nothing said") + " in the "
						+ "reference (**Returns** `" + member.returnType() + "`: ...)");
			}
		});
		documented.forEach((signature, entry) -> {
			if (!actual.containsKey(signature)) {
				problems.add(file + ":" + entry.line() + ": " + type.getSimpleName() + "." + signature
						+ " is documented but is not a public member: remove or rename the entry");
			}
		});
		return problems;
	}

	private static String describe(Signatures.Member member) {
		StringBuilder text = new StringBuilder(member.constructor() ? "a public constructor " : "a public method ");
		text.append(member.constructor() ? "new " : "").append(member.name()).append('(');
		List<String> parameters = new ArrayList<>();
		member.parameterTypes().forEach((name, type) -> parameters.add(type + " " + name));
		text.append(String.join(", ", parameters)).append(')');
		if (!member.constructor()) {
			text.append(" returning ").append(member.returnType());
		}
		return text.toString();
	}

}
