package io.convexspring.sample.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code java} block of the README and the guides under {@code docs/} compiles against
 * the starter (see {@link SnippetChecker} for how fragments are
 * marked), so no snippet can rot. One test per block, named by its file and line.
 */
class DocsJavaSnippetsTests {

	private static SnippetCompiler compiler;

	@BeforeAll
	static void compiler() {
		compiler = new SnippetCompiler(SnippetCompiler.testClassPath());
	}

	@AfterAll
	static void close() throws IOException {
		compiler.close();
	}

	@TestFactory
	Stream<DynamicTest> everyJavaBlockOfTheDocsCompiles() {
		Path root = RepositoryRoot.find();
		SnippetChecker checker = new SnippetChecker(root, compiler);
		List<JavaBlock> blocks = new ArrayList<>();
		for (Path file : MarkdownJavaBlocks.markdownFiles(root)) {
			blocks.addAll(MarkdownJavaBlocks.read(root, file));
		}
		assertThat(blocks).as("Java blocks of README.md").anyMatch((block) -> block.file().equals(Path.of("README.md")));
		return blocks.stream().map((block) -> DynamicTest.dynamicTest(block.location(), () -> {
			List<String> errors = checker.check(block);
			if (!errors.isEmpty()) {
				fail("A Java snippet of the docs does not compile:\n" + String.join("\n", errors));
			}
		}));
	}

	@Test
	void aBrokenFragmentIsReportedAtItsMarkdownLine(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("docs"));
		Files.writeString(root.resolve("README.md"), "# Title\n");
		Files.writeString(root.resolve("docs/guide.md"), """
				# Guide

				- In a list:

				  <!-- java: statements -->
				  ```java
				  EmailReceipt receipt = actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi", ""));
				  String id = receipt.idd();
				  ```
				""");
		List<JavaBlock> blocks = MarkdownJavaBlocks.read(root, Path.of("docs/guide.md"));
		assertThat(blocks).singleElement().satisfies((block) -> assertThat(block.firstLine()).isEqualTo(7));
		List<String> errors = new SnippetChecker(root, compiler).check(blocks.get(0));
		assertThat(errors).singleElement()
			.asString()
			.startsWith("docs/guide.md:8: cannot find symbol")
			.contains("receipt.idd()");
	}

	@Test
	void aFragmentWithoutADirectiveIsToldHowToMarkIt(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("README.md"), "```java\nactions.executeBlocking(SEND_EMAIL, null);\n```\n");
		List<String> errors = new SnippetChecker(root, compiler).check(MarkdownJavaBlocks.read(root, Path.of("README.md")).get(0));
		assertThat(errors.get(0)).startsWith("README.md:2: this block is compiled as a complete Java file")
			.contains("<!-- java: statements -->");
	}

	@Test
	void aBlockThatShowsAFileMustNotDifferFromIt(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("Hello.java"), "class Hello {\n  int answer = 42;\n}\n");
		Files.writeString(root.resolve("README.md"),
				"<!-- java: file Hello.java -->\n```java\nclass Hello {\n  int answer = 41;\n}\n```\n");
		List<String> errors = new SnippetChecker(root, compiler).check(MarkdownJavaBlocks.read(root, Path.of("README.md")).get(0));
		assertThat(errors).singleElement()
			.asString()
			.startsWith("README.md:4: differs from Hello.java:2")
			.contains("doc:    int answer = 41;", "file:   int answer = 42;");
	}

}
