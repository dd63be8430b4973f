package io.convexspring.sample.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks one Java block by its directive, the HTML comment on the last non-blank line before
 * its fence:
 * <ul>
 * <li>none: the block is a complete compilation unit (imports and all) and must compile as
 * it is;</li>
 * <li>{@code <!-- java: members -->}: fields, methods or types, compiled inside a class that
 * extends {@link io.convexspring.sample.docs.context.SnippetContext} (which gives
 * {@code actions}, {@code mutations}, {@code queries} and more) with {@link #IMPORTS};</li>
 * <li>{@code <!-- java: statements -->}: statements, compiled inside a method of that
 * class;</li>
 * <li>{@code <!-- java: file <path> -->}: the block is the whole of that file (relative to the
 * repository root), which the build compiles and runs; it must not differ from it.</li>
 * </ul>
 */
final class SnippetChecker {

	/**
	 * What fragments may use without importing it: the starter, its test module, Spring's usual types,
	 * the context, and the sample app's generated API ({@code Api}, {@code Emails}, {@code Tables} …).
	 */
	static final String IMPORTS = "import java.time.*; import java.util.*; import java.util.concurrent.*; "
			+ "import org.springframework.context.annotation.*; import org.springframework.core.ParameterizedTypeReference; "
			+ "import org.springframework.http.*; import org.springframework.web.bind.annotation.*; "
			+ "import reactor.core.publisher.*; import tools.jackson.databind.JsonNode; "
			+ "import tools.jackson.databind.json.JsonMapper; import io.micrometer.common.KeyValues; "
			+ "import io.micrometer.observation.ObservationRegistry; import io.convexspring.client.*; "
			+ "import io.convexspring.codec.*; import io.convexspring.state.*; import io.convexspring.observation.*; "
			+ "import io.convexspring.autoconfigure.*; import io.convexspring.sample.docs.context.*; "
			+ "import io.convexspring.live.*; import reactor.core.Disposable; "
			+ "import org.springframework.http.codec.ServerSentEvent; "
			+ "import io.convexspring.sample.api.*; "
			+ "import io.convexspring.test.*; import org.junit.jupiter.api.Test; "
			+ "import static io.convexspring.test.ConvexStubResponses.*; import static io.convexspring.test.ExpectedCalls.*; "
			+ "import static org.assertj.core.api.Assertions.assertThat; "
			+ "import static io.convexspring.sample.docs.context.Functions.*;";

	private static final String MEMBERS = "package docs.snippet; " + IMPORTS + "\n"
			+ "class Snippet extends SnippetContext {\n";

	private static final String STATEMENTS = MEMBERS + "void snippet() throws Exception {\n";

	private final Path root;

	private final SnippetCompiler compiler;

	SnippetChecker(Path root, SnippetCompiler compiler) {
		this.root = root;
		this.compiler = compiler;
	}

	/**
	 * Checks a block.
	 * @param block the block
	 * @return what is wrong with it, each naming its file and line; empty if nothing
	 */
	List<String> check(JavaBlock block) {
		String directive = block.directive();
		if (directive == null) {
			List<String> errors = this.compiler.compile(block, block.code(), 0);
			if (!errors.isEmpty()) {
				errors.add(0, block.location() + ": this block is compiled as a complete Java file; a fragment needs "
						+ "<!-- java: members --> or <!-- java: statements --> on the line before its fence "
						+ "(see SnippetChecker)");
			}
			return errors;
		}
		if (directive.equals("members")) {
			return this.compiler.compile(block, MEMBERS + block.code() + "}\n", 2);
		}
		if (directive.equals("statements")) {
			return this.compiler.compile(block, STATEMENTS + block.code() + "}\n}\n", 3);
		}
		if (directive.startsWith("file ")) {
			return sameAsFile(block, directive.substring("file ".length()).strip());
		}
		return List.of(block.location() + ": unknown directive <!-- java: " + directive
				+ " -->; use members, statements or file <path>");
	}

	private List<String> sameAsFile(JavaBlock block, String path) {
		Path file = this.root.resolve(path);
		if (!Files.isRegularFile(file)) {
			return List.of(block.location() + ": the block says it is " + path + ", which does not exist");
		}
		List<String> expected;
		try {
			expected = Files.readAllLines(file).stream().map(String::stripTrailing).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> actual = block.code().lines().map(String::stripTrailing).toList();
		int lines = Math.max(expected.size(), actual.size());
		for (int i = 0; i < lines; i++) {
			String want = (i < expected.size()) ? expected.get(i) : "<end of file>";
			String got = (i < actual.size()) ? actual.get(i) : "<end of block>";
			if (!want.equals(got)) {
				return List.of(block.location(Math.min(i, actual.size())) + ": differs from " + path + ":" + (i + 1)
						+ "\n    doc:  " + got + "\n    file: " + want
						+ "\n  copy the file into the block (or the block into the file) so the docs show the tested code");
			}
		}
		return List.of();
	}

}
