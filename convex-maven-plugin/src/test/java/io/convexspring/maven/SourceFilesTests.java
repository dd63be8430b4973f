package io.convexspring.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceFiles}: unchanged files are left alone, changed ones rewritten, and
 * generated files no longer generated are deleted (other files never).
 */
class SourceFilesTests {

	private static final String A = SourceFiles.MARKER + " from the Convex function spec: do not edit.\nclass A {}\n";

	@Test
	void unchangedFilesAreNotRewritten(@TempDir Path out) throws IOException {
		assertThat(SourceFiles.sync(out, Map.of("p/A.java", A))).containsExactly(1, 0);
		Path file = out.resolve("p/A.java");
		FileTime old = FileTime.fromMillis(1_000_000_000_000L);
		Files.setLastModifiedTime(file, old);
		assertThat(SourceFiles.sync(out, Map.of("p/A.java", A))).containsExactly(0, 0);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
		assertThat(SourceFiles.sync(out, Map.of("p/A.java", A + "// changed\n"))).containsExactly(1, 0);
		assertThat(Files.readString(file)).endsWith("// changed\n");
	}

	@Test
	void staleGeneratedSourcesAreDeletedOthersKept(@TempDir Path out) throws IOException {
		SourceFiles.sync(out, Map.of("p/A.java", A, "p/B.java", A.replace("A", "B")));
		Files.writeString(out.resolve("p/Mine.java"), "class Mine {}\n");
		assertThat(SourceFiles.sync(out, Map.of("p/A.java", A))).containsExactly(0, 1);
		assertThat(out.resolve("p/B.java")).doesNotExist();
		assertThat(out.resolve("p/Mine.java")).exists();
	}

}
