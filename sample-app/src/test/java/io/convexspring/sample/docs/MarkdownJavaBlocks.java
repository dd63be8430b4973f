package io.convexspring.sample.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the fenced {@code java} blocks of the repository's user docs: the root README and every
 * file under {@code docs/} (new guides included). A block may be indented (inside a list
 * item); a {@code <!-- java: ... -->} comment on the last non-blank line before its fence is
 * its directive.
 */
final class MarkdownJavaBlocks {

	private static final Pattern OPENING = Pattern.compile("^(\\s*)```java\\s*$");

	private static final Pattern CLOSING = Pattern.compile("^\\s*```\\s*$");

	private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*java:\\s*(.*?)\\s*-->\\s*$");

	private MarkdownJavaBlocks() {
	}

	/**
	 * Returns the Markdown files whose Java blocks the build checks.
	 * @param root the repository root
	 * @return the files, relative to the root, in a stable order
	 */
	static List<Path> markdownFiles(Path root) {
		List<Path> files = new ArrayList<>();
		files.add(Path.of("README.md"));
		try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).map(root::relativize).sorted().forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * Reads the Java blocks of one file.
	 * @param root the repository root
	 * @param file the file, relative to the root
	 * @return its blocks, in order
	 * @throws IllegalStateException if a block is never closed
	 */
	static List<JavaBlock> read(Path root, Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(root.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<JavaBlock> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher opening = OPENING.matcher(lines.get(i));
			if (!opening.matches()) {
				continue;
			}
			int indent = opening.group(1).length();
			int first = i + 1;
			int end = first;
			while (end < lines.size() && !CLOSING.matcher(lines.get(end)).matches()) {
				end++;
			}
			if (end == lines.size()) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": the ```java block is never closed");
			}
			StringBuilder code = new StringBuilder();
			for (String line : lines.subList(first, end)) {
				code.append(unindent(line, indent)).append('\n');
			}
			blocks.add(new JavaBlock(file, first + 1, code.toString(), directiveBefore(lines, i)));
			i = end;
		}
		return blocks;
	}

	private static @Nullable String directiveBefore(List<String> lines, int fence) {
		for (int i = fence - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				Matcher directive = DIRECTIVE.matcher(lines.get(i));
				return directive.matches() ? directive.group(1) : null;
			}
		}
		return null;
	}

	private static String unindent(String line, int indent) {
		int strip = 0;
		while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
			strip++;
		}
		return line.substring(strip);
	}

}
