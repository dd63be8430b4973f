package io.convexspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The API reference as written: per class ({@code ## `Name`}), its entries
 * ({@code ### `name(a, b)`} or {@code ### `new Name(a, b)`}), each with its parameter table
 * ({@code | `a` | `Type` | description |}) and its {@code **Returns** `Type`} line.
 */
final class ReferenceDoc {

	private static final Pattern CLASS = Pattern.compile("^## `(\\w+)`\\s*$");

	private static final Pattern ENTRY = Pattern.compile("^### `(new )?(\\w+)\\(([^)]*)\\)`\\s*$");

	private static final Pattern PARAMETER = Pattern.compile("^\\| `(\\w+)` \\| `([^`]+)` \\|.*");

	private static final Pattern RETURNS = Pattern.compile("^\\*\\*Returns\\*\\* (?:`([^`]+)`|(nothing))(?:[:.\\s].*)?$");

	private ReferenceDoc() {
	}

	/**
	 * Reads the reference.
	 * @param file the Markdown file
	 * @return the documented entries by class simple name, in the order written
	 */
	static Map<String, List<Entry>> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, List<Entry>> classes = new LinkedHashMap<>();
		List<Entry> entries = null;
		Entry entry = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			int number = i + 1;
			if (line.startsWith("## ")) {
				Matcher type = CLASS.matcher(line);
				entries = type.matches() ? classes.computeIfAbsent(type.group(1), (name) -> new ArrayList<>()) : null;
				entry = null;
				continue;
			}
			if (entries == null) {
				continue;
			}
			if (line.startsWith("### ")) {
				Matcher heading = ENTRY.matcher(line);
				if (!heading.matches()) {
					throw new IllegalStateException(file.getFileName() + ":" + number + ": an entry heading must be "
							+ "### `name(parameter, ...)` or ### `new Type(parameter, ...)`, not: " + line);
				}
				List<String> names = heading.group(3).isBlank() ? List.of()
						: List.of(heading.group(3).split(",\\s*"));
				entry = new Entry(heading.group(1) != null, heading.group(2), names, new LinkedHashMap<>(), number);
				entries.add(entry);
				continue;
			}
			if (entry == null) {
				continue;
			}
			Matcher parameter = PARAMETER.matcher(line);
			if (parameter.matches()) {
				entry.parameterTypes().put(parameter.group(1), parameter.group(2));
				continue;
			}
			Matcher returns = RETURNS.matcher(line);
			if (returns.matches()) {
				entry.returns[0] = (returns.group(1) != null) ? returns.group(1) : "void";
			}
		}
		return classes;
	}

	/**
	 * One documented constructor or method.
	 *
	 * @param constructor whether it is a constructor
	 * @param name the method name, or the class name for a constructor
	 * @param parameterNames the parameter names, as in the heading
	 * @param parameterTypes the types of the parameter table, by name
	 * @param line where the heading is
	 * @param returns the documented return type, in its only element ({@code void} for
	 * "nothing"), {@code null} where there is no Returns line
	 */
	record Entry(boolean constructor, String name, List<String> parameterNames, Map<String, String> parameterTypes,
			int line, @Nullable String[] returns) {

		Entry(boolean constructor, String name, List<String> parameterNames, Map<String, String> parameterTypes,
				int line) {
			this(constructor, name, parameterNames, parameterTypes, line, new String[1]);
		}

		/** The entry as its heading shows it, e.g. {@code execute(action, args)}. */
		String signature() {
			return (this.constructor ? "new " : "") + this.name + "(" + String.join(", ", this.parameterNames) + ")";
		}

		@Nullable String returnType() {
			return this.returns[0];
		}

	}

}
