package io.convexspring.sample.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root from the directory the tests run in (the module's, under Maven).
 */
final class RepositoryRoot {

	private RepositoryRoot() {
	}

	static Path find() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))
					&& Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No repository root (with docs/, README.md and pom.xml) above "
				+ Path.of("").toAbsolutePath());
	}

}
