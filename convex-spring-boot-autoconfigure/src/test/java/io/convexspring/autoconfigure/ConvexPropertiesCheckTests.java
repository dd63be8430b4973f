package io.convexspring.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Misspelt {@code convex.*} keys fail start-up, naming the closest known key, which comes from
 * the configuration metadata on the class path; an invalid {@code convex.logging} names the
 * documented values.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConvexPropertiesCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ConvexPropertiesCheckAutoConfiguration.class, ConvexAutoConfiguration.class))
		.withPropertyValues("convex.url=https://happy-otter-123.convex.cloud");

	private static UnknownConvexPropertyException unknown(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof UnknownConvexPropertyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("start-up failure").isInstanceOf(UnknownConvexPropertyException.class);
		return (UnknownConvexPropertyException) cause;
	}

	@Test
	void misspeltKeysFailStartUpNamingTheClosestKnownOnes() {
		this.contextRunner.withPropertyValues("convex.urll=https://x.convex.cloud", "convex.loging=info")
			.run((context) -> {
				UnknownConvexPropertyException failure = unknown(context.getStartupFailure());
				assertThat(failure.getProperties()).extracting("name", "closest")
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("convex.urll", "convex.url"),
							org.assertj.core.groups.Tuple.tuple("convex.loging", "convex.logging"));
				FailureAnalysis analysis = new UnknownConvexPropertyFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("'convex.urll'")
					.contains("did you mean 'convex.url'?")
					.contains("'convex.loging'")
					.contains("did you mean 'convex.logging'?");
				assertThat(analysis.getAction()).contains("convex.fail-on-unknown-properties=false");
			});
	}

	@Test
	void everyDeclaredKeyInAnyFormIsAccepted() {
		this.contextRunner
			.withPropertyValues("convex.deployKey=prod:otter|key", "convex.logging=debug",
					"convex.logging-preview-size=100", "convex.metrics.max-function-tags=10",
					"convex.security.relay=false", "convex.web.problem-details.enabled=false",
					"convex.web.problem-details.retry-after=2s", "convex.RESPONSE_TIMEOUT=5s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void keysDeclaredByOtherModulesMetadataAreKnown(@TempDir Path module) throws Exception {
		Path metadata = module.resolve("META-INF/spring-configuration-metadata.json");
		Files.createDirectories(metadata.getParent());
		Files.writeString(metadata, "{\"properties\":[{\"name\":\"convex.live.heartbeat\",\"type\":"
				+ "\"java.time.Duration\"},{\"name\":\"convex.live.headers\",\"type\":"
				+ "\"java.util.Map<java.lang.String,java.lang.String>\"}]}");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { module.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(loader)
				.withPropertyValues("convex.live.heartbeat=15s", "convex.live.headers.x-tenant=acme")
				.run((context) -> assertThat(context).hasNotFailed());
			this.contextRunner.withClassLoader(loader)
				.withPropertyValues("convex.live.heartbeet=15s")
				.run((context) -> assertThat(unknown(context.getStartupFailure()).getProperties().get(0).closest())
					.isEqualTo("convex.live.heartbeat"));
		}
	}

	@Test
	void checkCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("convex.urll=https://x.convex.cloud",
				"convex.fail-on-unknown-properties=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startUpReportsTheMisspeltKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("convex.url=https://happy-otter-123.convex.cloud",
				"convex.urll=https://x.convex.cloud"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("'convex.urll'")
			.contains("did you mean 'convex.url'?");
	}

	@Test
	void invalidLoggingNamesTheDocumentedValues(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("convex.url=https://happy-otter-123.convex.cloud", "convex.logging=verbose"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'verbose' for convex.logging")
			.contains("false | info | debug")
			.doesNotContain("DEBUG\n")
			.doesNotContain("OFF\n");
	}

	private static void start(String... properties) {
		new SpringApplicationBuilder(CheckedApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.properties(properties)
			.run()
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ConvexPropertiesCheckAutoConfiguration.class, ConvexAutoConfiguration.class,
			ConvexObservationAutoConfiguration.class })
	static class CheckedApplication {

	}

}
