package io.convexspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexTransport;
import io.convexspring.security.SecurityContextCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link ConvexSecurityAutoConfiguration} relays the signed-in user, and when it backs off.
 */
class ConvexSecurityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ConvexAutoConfiguration.class, ConvexSecurityAutoConfiguration.class))
		.withPropertyValues("convex.url=https://happy-otter-123.convex.cloud", "convex.deploy-key=prod:otter|key");

	@Test
	void relayIsTheTransportsDefaultFallingBackToTheDeployKey() {
		this.contextRunner.withPropertyValues("convex.security.relay=true").run((context) -> {
			ConvexCredentialsProvider provider = context.getBean(ConvexTransport.class).defaultCredentialsProvider();
			assertThat(provider).isInstanceOf(SecurityContextCredentialsProvider.class);
			assertThat(((SecurityContextCredentialsProvider) provider).fallback())
				.isEqualTo(ConvexCredentialsProvider.of(ConvexCredentials.deployKey("prod:otter|key")));
			assertThat(provider.toString()).doesNotContain("prod:otter|key");
			// a live-query socket is shared by many callers: it runs with the deploy key, never a user's token
			assertThat(provider.forSharedConnections())
				.isEqualTo(ConvexCredentialsProvider.of(ConvexCredentials.deployKey("prod:otter|key")));
		});
	}

	@Test
	void offUnlessSwitchedOn() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ConvexCredentialsProvider.class));
	}

	@Test
	void applicationsOwnProviderWins() {
		ConvexCredentialsProvider own = (forceRefresh) -> Mono.just(ConvexCredentials.userToken("mine"));
		this.contextRunner.withPropertyValues("convex.security.relay=true")
			.withBean(ConvexCredentialsProvider.class, () -> own)
			.run((context) -> assertThat(context.getBean(ConvexTransport.class).defaultCredentialsProvider())
				.isSameAs(own));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withPropertyValues("convex.security.relay=true")
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ConvexCredentialsProvider.class));
	}

}
