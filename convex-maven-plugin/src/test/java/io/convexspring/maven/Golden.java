package io.convexspring.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: the expected output, committed. {@code -Dgolden.update=true} rewrites them
 * from the actual output (then review the diff).
 */
public final class Golden {

	/** The fixture Convex project: its functions use every validator. */
	public static final Path FIXTURE = Path.of("src/test/fixture");

	private Golden() {
	}

	/**
	 * Asserts that a file holds the text, or rewrites it in update mode.
	 * @param file the golden file
	 * @param actual the actual text
	 */
	public static void assertMatches(Path file, String actual) {
		try {
			if (Boolean.getBoolean("golden.update")) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				Files.writeString(file, actual, StandardCharsets.UTF_8);
			}
			assertThat(file).as("golden file %s (-Dgolden.update=true rewrites it)", file).isRegularFile();
			assertThat(actual).as("golden file %s (-Dgolden.update=true rewrites it)", file)
				.isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
