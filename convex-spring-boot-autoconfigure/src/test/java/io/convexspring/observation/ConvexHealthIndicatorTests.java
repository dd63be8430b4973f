package io.convexspring.observation;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.convexspring.client.ConvexTransport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConvexHealthIndicator}: {@code GET /version}, within its timeout, never counted as a
 * function execution.
 */
class ConvexHealthIndicatorTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private ConvexTransport transport() {
		return ConvexTransport.builder(convex.baseUrl()).observationRegistry(this.observations).build();
	}

	// generous where the check is not about time: a cold JVM takes seconds over its first call
	private static Health health(ConvexTransport transport, Duration timeout) {
		return new ConvexHealthIndicator(transport, timeout).health().block(Duration.ofSeconds(60));
	}

	@Test
	void upWithTheUrlAndBackendVersion() {
		convex.stubFor(get("/version").willReturn(ok("1.29.0\n")));
		Health health = health(transport(), Duration.ofSeconds(30));
		assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("url", convex.baseUrl()).containsEntry("version", "1.29.0");
		convex.verify(getRequestedFor(urlEqualTo("/version")));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsWithNameEqualTo("convex.query", 0)
			.hasNumberOfObservationsWithNameEqualTo("convex.action", 0)
			.hasNumberOfObservationsWithNameEqualTo("convex.mutation", 0);
	}

	@Test
	void downWhenTheDeploymentRefuses() {
		convex.stubFor(get("/version").willReturn(aResponse().withStatus(503)));
		Health health = health(transport(), Duration.ofSeconds(30));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("url", convex.baseUrl()).containsKey("error");
	}

	@Test
	void downWhenTheDeploymentDoesNotAnswerInTime() {
		ConvexTransport transport = transport();
		convex.stubFor(get("/version").willReturn(ok("1.29.0")));
		assertThat(health(transport, Duration.ofSeconds(30)).getStatus()).isEqualTo(Status.UP);
		convex.stubFor(get("/version").willReturn(ok("1.29.0").withFixedDelay(3000)));
		long start = System.nanoTime();
		Health health = health(transport, Duration.ofMillis(200));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
	}

}
