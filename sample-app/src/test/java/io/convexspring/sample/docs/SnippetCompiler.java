package io.convexspring.sample.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one Java block with {@code javax.tools} against the test class path (the starter, the
 * sample app, Spring, the snippet context), and reports each error at its Markdown line.
 */
final class SnippetCompiler implements AutoCloseable {

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

	private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

	private final StandardJavaFileManager files = this.compiler.getStandardFileManager(null, Locale.ROOT, null);

	private final String classPath;

	private final Path output;

	SnippetCompiler(String classPath) {
		this.classPath = classPath;
		try {
			this.output = Files.createTempDirectory("docs-snippets");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The class path the tests run with: Surefire passes it in {@code surefire.test.class.path}
	 * (its own {@code java.class.path} may be a single manifest-only jar).
	 * @return the class path
	 */
	static String testClassPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	/**
	 * Compiles a block as the given source.
	 * @param block the block, for locations
	 * @param source the source: the block, possibly wrapped
	 * @param linesBefore how many lines of {@code source} precede the block's first line
	 * @return the errors, each as {@code file:line: message}, with the offending line; empty if
	 * it compiles
	 */
	List<String> compile(JavaBlock block, String source, int linesBefore) {
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<String> options = List.of("-classpath", this.classPath, "-d", this.output.toString(), "-proc:none",
				"--release", "17", "-implicit:none", "-Xlint:none", "-nowarn");
		JavaFileObject unit = new Source(fileName(source), source);
		this.compiler.getTask(null, this.files, diagnostics, options, null, List.of(unit)).call();
		List<String> errors = new ArrayList<>();
		String[] codeLines = block.code().split("\n", -1);
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
				continue;
			}
			int offset = (int) diagnostic.getLineNumber() - 1 - linesBefore;
			String where = (offset >= 0 && offset < codeLines.length) ? block.location(offset)
					: block.location() + " (in the wrapper, line " + diagnostic.getLineNumber() + ")";
			String line = (offset >= 0 && offset < codeLines.length) ? "\n    " + codeLines[offset].strip() : "";
			errors.add(where + ": " + diagnostic.getMessage(Locale.ROOT) + line);
		}
		return errors;
	}

	private static String fileName(String source) {
		Matcher publicType = PUBLIC_TYPE.matcher(source);
		return (publicType.find() ? publicType.group(1) : "Snippet") + ".java";
	}

	@Override
	public void close() throws IOException {
		this.files.close();
		try (var paths = Files.walk(this.output)) {
			paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String code;

		Source(String fileName, String code) {
			super(URI.create("string:///" + fileName), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
