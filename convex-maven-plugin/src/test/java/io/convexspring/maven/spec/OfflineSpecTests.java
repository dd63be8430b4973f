package io.convexspring.maven.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convexspring.maven.Golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OfflineSpec}: it runs Node on the fixture project (its {@code node_modules}
 * installed by the build's {@code npm ci}) and produces the committed spec and schema; what is
 * missing is named with what to run.
 */
class OfflineSpecTests {

	private static final String PACKAGE_JSON = "{\"name\":\"broken\",\"private\":true,\"type\":\"module\"}";

	@Test
	void fixtureProjectGivesTheCommittedSpecAndSchemaInDeclarationOrder() {
		OfflineSpec.Texts texts = new OfflineSpec("node").run(Golden.FIXTURE);
		Golden.assertMatches(Golden.FIXTURE.resolve("function-spec.json"), texts.spec());
		Golden.assertMatches(Golden.FIXTURE.resolve("schema.json"), texts.schema());
		// declaration order, not the live spec's alphabetical order
		assertThat(texts.spec()).containsSubsequence("\"to\"", "\"subject\"", "\"body\"");
	}

	@Test
	void entryPointsFollowTheCliRules() {
		String spec = new OfflineSpec("node").run(Golden.FIXTURE).spec();
		assertThat(spec).contains("\"dir/mod.js:fn\"", "\"orders/items.js:count\"", "\"new.js:default\"")
			.contains("\"functionType\": \"HttpAction\"")
			.doesNotContain("values.test", "component/", "lib/util", "schema.js");
	}

	@Test
	void missingNodeModulesSaysToRunNpmCi(@TempDir Path project) throws IOException {
		Files.writeString(project.resolve("package.json"), PACKAGE_JSON);
		Files.createDirectories(project.resolve("convex"));
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new OfflineSpec("node").run(project))
			.withMessageContaining("the convex package is not installed")
			.withMessageContaining("run `npm ci`");
	}

	@Test
	void missingNodeSaysToInstallIt() {
		assertThatExceptionOfType(SpecException.class)
			.isThrownBy(() -> new OfflineSpec("/nonexistent/bin/node").run(Golden.FIXTURE))
			.withMessageContaining("install Node.js")
			.withMessageContaining("convex.node");
	}

	@Test
	void moduleThatFailsToLoadIsNamed(@TempDir Path project) throws IOException {
		Files.writeString(project.resolve("package.json"), PACKAGE_JSON);
		Files.createSymbolicLink(project.resolve("node_modules"), Golden.FIXTURE.resolve("node_modules").toAbsolutePath());
		Files.createDirectories(project.resolve("convex"));
		Files.writeString(project.resolve("convex/broken.ts"), "throw new Error(\"no API key\");\nexport const x = 1;\n");
		try {
			assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new OfflineSpec("node").run(project))
				.withMessageContaining("module broken.ts fails to load: no API key");
		}
		finally {
			// the cache folder went into the fixture's node_modules through the link
			Files.deleteIfExists(project.resolve("node_modules"));
		}
	}

	@Test
	void moduleThatDoesNotBuildIsNamed(@TempDir Path project) throws IOException {
		Files.writeString(project.resolve("package.json"), PACKAGE_JSON);
		Files.createSymbolicLink(project.resolve("node_modules"), Golden.FIXTURE.resolve("node_modules").toAbsolutePath());
		Files.createDirectories(project.resolve("convex"));
		Files.writeString(project.resolve("convex/typo.ts"), "export const x = ;\n");
		try {
			assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new OfflineSpec("node").run(project))
				.withMessageContaining("do not build")
				.withMessageContaining("typo.ts");
		}
		finally {
			Files.deleteIfExists(project.resolve("node_modules"));
		}
	}

}
