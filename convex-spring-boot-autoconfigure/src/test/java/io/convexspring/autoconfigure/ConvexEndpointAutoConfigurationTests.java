package io.convexspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.observation.ConvexEndpoint;
import io.convexspring.observation.ConvexExecutionRecorder;
import io.convexspring.observation.ConvexExecutionRecorder.Execution;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConvexEndpointAutoConfiguration}: the {@code convex} endpoint and its recorder exist
 * only where the endpoint is exposed, and list executions with or without a registry.
 */
class ConvexEndpointAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class,
				ConvexObservationAutoConfiguration.class, ConvexEndpointAutoConfiguration.class))
		.withPropertyValues("convex.url=" + convex.baseUrl());

	@BeforeEach
	void answerEveryAction() {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}")));
	}

	private static List<Execution> sendAndList(AssertableApplicationContext context) {
		context.getBean(ConvexActionClient.class).executeBlocking("emails:send", new Args("ada@example.com"),
				Result.class);
		ConvexEndpoint endpoint = context.getBean(ConvexEndpoint.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> !endpoint.executions().executions().isEmpty());
		return endpoint.executions().executions();
	}

	@Test
	void nothingIsRecordedWhereTheEndpointIsNotExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ConvexEndpoint.class)
			.doesNotHaveBean(ConvexExecutionRecorder.class));
	}

	@Test
	void anExposedEndpointListsExecutionsWithoutPreviews() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=convex").run((context) -> {
			List<Execution> executions = sendAndList(context);
			assertThat(executions).singleElement().satisfies((execution) -> {
				assertThat(execution.kind()).isEqualTo("action");
				assertThat(execution.function()).isEqualTo("emails:send");
				assertThat(execution.outcome()).isEqualTo("success");
				assertThat(execution.arguments()).isNull();
				assertThat(execution.result()).isNull();
			});
		});
	}

	@Test
	void anExposedEndpointListsExecutionsObservedInTheApplicationsRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=convex")
			.run((context) -> assertThat(sendAndList(context)).hasSize(1));
	}

	@Test
	void debugLoggingAddsPreviews() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=convex", "convex.logging=debug")
			.run((context) -> assertThat(sendAndList(context)).singleElement().satisfies((execution) -> {
				assertThat(execution.arguments()).isEqualTo("{\"to\": \"ada@example.com\"}");
				assertThat(execution.result()).isEqualTo("{\"id\": \"r1\"}");
			}));
	}

	@Test
	void theBufferSizeIsAProperty() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=convex", "convex.recent-executions.size=2")
			.run((context) -> {
				for (int i = 0; i < 3; i++) {
					sendAndList(context);
				}
				await().until(() -> context.getBean(ConvexEndpoint.class).executions().executions().size() == 2);
			});
	}

	@Test
	void withoutAnyActuatorModuleThereIsNoEndpoint() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=convex")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ConvexExecutionRecorder.class)
				.hasSingleBean(ConvexActionClient.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=convex")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ConvexEndpoint.class)
				.hasSingleBean(ConvexActionClient.class));
	}

	record Args(String to) {
	}

	record Result(String id) {
	}

}
