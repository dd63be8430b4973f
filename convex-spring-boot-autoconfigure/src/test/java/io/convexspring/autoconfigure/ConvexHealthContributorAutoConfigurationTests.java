package io.convexspring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexQueryClient;
import io.convexspring.observation.ConvexHealthIndicator;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConvexHealthContributorAutoConfiguration}: the {@code convex} health indicator, its
 * switch and timeout, and its absence without Spring Boot's health support.
 */
class ConvexHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class,
				ConvexHealthContributorAutoConfiguration.class))
		.withPropertyValues("convex.url=" + convex.baseUrl(), "convex.health.timeout=30s");

	@Test
	void registersTheConvexHealthIndicator() {
		convex.stubFor(get("/version").willReturn(ok("1.29.0")));
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ConvexHealthIndicator.class).hasBean("convexHealthIndicator");
			Health health = context.getBean(ConvexHealthIndicator.class).health().block(Duration.ofSeconds(60));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", "1.29.0").containsEntry("url", convex.baseUrl());
		});
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("management.health.convex.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConvexHealthIndicator.class));
	}

	@Test
	void backsOffForAUsersIndicatorOfTheSameName() {
		this.runner
			.withBean("convexHealthIndicator", ReactiveHealthIndicator.class,
					() -> () -> Mono.just(Health.up().build()))
			.run((context) -> assertThat(context).doesNotHaveBean(ConvexHealthIndicator.class));
	}

	@Test
	void withoutSpringBootsHealthSupportThereIsNoIndicator() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ConvexHealthIndicator.class)
				.hasSingleBean(ConvexQueryClient.class));
	}

}
