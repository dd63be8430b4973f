package io.convexspring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;
import io.convexspring.observation.ConvexLoggingObservationHandler;
import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexObservationConvention;
import io.convexspring.observation.DefaultConvexObservationConvention;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConvexObservationAutoConfiguration}: timers in the application's meter registry, a
 * convention of the user's, {@code convex.metrics.enabled=false} and Boot's own switch, and
 * logging with and without a registry.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConvexObservationAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final AutoConfigurations METRICS = AutoConfigurations.of(ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ConvexAutoConfiguration.class, ConvexObservationAutoConfiguration.class))
		.withPropertyValues("convex.url=" + convex.baseUrl());

	@BeforeEach
	void answerEveryAction() {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"r1\"},"
				+ "\"logLines\":[\"[LOG] Sending\"]}")));
	}

	private static void send(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		Result result = context.getBean(ConvexActionClient.class)
			.executeBlocking("emails:send", new Args("ada@example.com"), Result.class);
		assertThat(result).isEqualTo(new Result("r1"));
	}

	private static Timer awaitTimer(AssertableApplicationContext context, String... tags) {
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(meters.find("convex.action").tags(tags).timer()).isNotNull());
		return meters.find("convex.action").tags(tags).timer();
	}

	@Test
	void executionsAreTimedInTheApplicationsMeterRegistry() {
		this.runner.withConfiguration(METRICS).run((context) -> {
			send(context);
			Timer timer = awaitTimer(context, "function", "emails:send", "outcome", "success", "exception", "none");
			assertThat(timer.count()).isOne();
			assertThat(context).doesNotHaveBean(ConvexLoggingObservationHandler.class);
		});
	}

	@Test
	void theWebClientObservesConvexCallsOnlyWhenAskedTo() {
		this.runner.withConfiguration(METRICS).run((context) -> {
			send(context);
			awaitTimer(context, "function", "emails:send");
			assertThat(context.getBean(MeterRegistry.class).find("http.client.requests").timer()).isNull();
		});
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("convex.metrics.http-client-requests=true")
			.run((context) -> {
				send(context);
				awaitTimer(context, "function", "emails:send");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(meters.find("http.client.requests").tag("uri", "/api/action").timer())
						.isNotNull());
			});
	}

	@Test
	void theFunctionTagLimitIsAProperty() {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("convex.metrics.max-function-tags=0")
			.run((context) -> {
				send(context);
				assertThat(awaitTimer(context, "function", "OTHER").count()).isOne();
			});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		this.runner.withConfiguration(METRICS).withUserConfiguration(ConventionConfiguration.class).run((context) -> {
			assertThat(context).getBean(ConvexObservationConvention.class)
				.isSameAs(context.getBean("teamConvention"));
			send(context);
			assertThat(awaitTimer(context, "team", "billing", "function", "emails:send").count()).isOne();
		});
	}

	@Test
	void metricsCanBeTurnedOffWhileLoggingGoesOn(CapturedOutput output) {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("convex.metrics.enabled=false", "convex.logging=info")
			.run((context) -> {
				send(context);
				await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
				assertThat(context.getBean(MeterRegistry.class).find("convex.action").meters()).isEmpty();
				assertThat(output.getOut()).contains("[CONVEX A(emails:send)] [LOG] Sending");
			});
	}

	@Test
	void bootsObservationSwitchTurnsMetricsOffWhileLoggingGoesOn(CapturedOutput output) {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("management.observations.enable.convex=false", "convex.logging=info")
			.run((context) -> {
				send(context);
				await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
				assertThat(context.getBean(MeterRegistry.class).find("convex.action").meters()).isEmpty();
			});
	}

	@Test
	void onlyOneKindCanBeTurnedOff() {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("management.observations.enable.convex.query=false")
			.run((context) -> {
				send(context);
				assertThat(awaitTimer(context, "function", "emails:send").count()).isOne();
			});
	}

	@Test
	void loggingWorksWithoutAnyObservationRegistry(CapturedOutput output) {
		this.runner.withPropertyValues("convex.logging=info").run((context) -> {
			assertThat(context).doesNotHaveBean(ObservationRegistry.class)
				.hasSingleBean(ConvexLoggingObservationHandler.class);
			send(context);
			await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
		});
	}

	@Test
	void loggingWorksWithARegistryThatSpringBootDoesNotConfigure(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.micrometer.observation"))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withPropertyValues("convex.logging=info")
			.run((context) -> {
				send(context);
				await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
			});
	}

	@Test
	void loggingFalseOffInfoAndDebug() {
		this.runner.withPropertyValues("convex.logging=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConvexLoggingObservationHandler.class));
		this.runner.withPropertyValues("convex.logging=off")
			.run((context) -> assertThat(context).doesNotHaveBean(ConvexLoggingObservationHandler.class));
		this.runner.withPropertyValues("convex.logging=info")
			.run((context) -> assertThat(context).hasSingleBean(ConvexLoggingObservationHandler.class));
		this.runner.withPropertyValues("convex.logging=DEBUG")
			.run((context) -> assertThat(context).hasSingleBean(ConvexLoggingObservationHandler.class));
	}

	@Test
	void debugLoggingPreviewsUpToTheConfiguredSize(CapturedOutput output) {
		this.runner.withPropertyValues("convex.logging=debug", "convex.logging-preview-size=12").run((context) -> {
			send(context);
			await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
			assertThat(output.getOut()).contains("arguments: {\"to\": \"ada@... (truncated)");
		});
	}

	@Test
	void aLoggingHandlerOfTheUsersWins(CapturedOutput output) {
		this.runner.withPropertyValues("convex.logging=info")
			.withBean("myLogging", ConvexLoggingObservationHandler.class,
					() -> ConvexLoggingObservationHandler.detailed(5))
			.run((context) -> {
				assertThat(context).getBean(ConvexLoggingObservationHandler.class)
					.isSameAs(context.getBean("myLogging"));
				send(context);
				await().until(() -> output.getOut().contains("Convex action emails:send: success in "));
				assertThat(output.getOut()).contains("started; arguments: {\"to\"... (truncated)");
			});
	}

	@Test
	void withNeitherMetricsNorLoggingCallsAreNotWrapped() {
		this.runner.run((context) -> {
			assertThat(isWrapped(context.getBean(ConvexTransport.class))).isFalse();
			send(context);
		});
	}

	@Test
	void metricsOffAndLoggingOffLeaveCallsUnwrappedEvenWithARegistry() {
		this.runner.withConfiguration(METRICS)
			.withPropertyValues("convex.metrics.enabled=false")
			.run((context) -> assertThat(isWrapped(context.getBean(ConvexTransport.class))).isFalse());
		this.runner.withConfiguration(METRICS)
			.run((context) -> assertThat(isWrapped(context.getBean(ConvexTransport.class))).isTrue());
	}

	@Test
	void withoutActuatorObservationStillWorks() {
		this.runner.withConfiguration(METRICS)
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run((context) -> {
				send(context);
				assertThat(awaitTimer(context, "function", "emails:send").count()).isOne();
			});
	}

	// an observed call starts with Mono.deferContextual, to find its parent; an unobserved one does not
	private static boolean isWrapped(ConvexTransport transport) {
		return transport
			.execute(FunctionKind.ACTION, "emails:send", null, transport.codec().javaType(Result.class),
					ConvexCredentials.none())
			.getClass()
			.getSimpleName()
			.equals("ObservedExecution");
	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		ConvexObservationConvention teamConvention() {
			return new DefaultConvexObservationConvention() {

				@Override
				public KeyValues getLowCardinalityKeyValues(ConvexObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "billing");
				}

			};
		}

	}

	record Args(String to) {
	}

	record Result(String id) {
	}

}
