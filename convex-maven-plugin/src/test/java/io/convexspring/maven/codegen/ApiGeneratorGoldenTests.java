package io.convexspring.maven.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.convexspring.maven.Golden;
import io.convexspring.maven.spec.ConvexSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-file tests for {@link ApiGenerator}: the sources generated from the fixture project's
 * spec (every validator, every naming case) are the committed ones, and the same spec always
 * gives the same text.
 */
class ApiGeneratorGoldenTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	static final String PACKAGE = "com.example.convex";

	/**
	 * The fixture's numbers declared whole: a result's field, a table's field (which its
	 * queries return), an optional argument, a whole result, and a shape used in two places.
	 */
	static final List<TypeOverrides.Entry> OVERRIDES = List.of(
			new TypeOverrides.Entry("emails:send.returns.sentAt", "long"),
			new TypeOverrides.Entry("orders.amountCents", "long"),
			new TypeOverrides.Entry("orders:list.args.limit", "long"),
			new TypeOverrides.Entry("orders:purge.returns", "long"),
			new TypeOverrides.Entry("values:echo.returns.point.x", "long"));

	static GeneratedSources generateFixture() {
		ConvexSpec spec = ConvexSpec.read(Golden.FIXTURE.resolve("function-spec.json"),
				Golden.FIXTURE.resolve("schema.json"));
		return new ApiGenerator(PACKAGE, true).generate(TypeOverrides.apply(spec, OVERRIDES));
	}

	@Test
	void fixtureSpecGivesTheGoldenSources() throws IOException {
		GeneratedSources sources = generateFixture();
		for (Map.Entry<String, String> file : sources.files().entrySet()) {
			Golden.assertMatches(GOLDEN.resolve(file.getKey()), file.getValue());
		}
		try (Stream<Path> golden = Files.walk(GOLDEN)) {
			assertThat(golden.filter(Files::isRegularFile).map((path) -> GOLDEN.relativize(path).toString()))
				.as("no golden file without a generated source")
				.containsExactlyInAnyOrderElementsOf(sources.files().keySet());
		}
	}

	@Test
	void generationIsDeterministic() {
		assertThat(generateFixture().files()).isEqualTo(generateFixture().files());
	}

	@Test
	void unionWithoutAJavaShapeIsWarnedAbout() {
		assertThat(generateFixture().warnings()).singleElement()
			.asString()
			.contains("v.union(v.object({a}), v.object({a, b}))")
			.contains("JsonNode");
	}

}
