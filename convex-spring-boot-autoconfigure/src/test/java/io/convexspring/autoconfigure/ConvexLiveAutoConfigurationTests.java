package io.convexspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexTransport;
import io.convexspring.live.ConnectionState;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveMeterBinder;
import io.convexspring.live.ConvexLiveServerSentEvents;
import io.convexspring.live.Frames;
import io.convexspring.live.ScriptedSocket;
import io.convexspring.live.SyncTestServer;
import io.convexspring.observation.ConvexEndpoint;
import io.convexspring.observation.ConvexHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConvexLiveAutoConfiguration}, against the scripted sync-protocol server.
 */
class ConvexLiveAutoConfigurationTests {

	private static final ConvexQuery<Void, List<String>> LIST = ConvexQuery.of("messages:list", Void.class,
			new ParameterizedTypeReference<List<String>>() {
			});

	private final SyncTestServer server = SyncTestServer.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class, ConvexLiveAutoConfiguration.class))
		.withPropertyValues("convex.url=" + this.server.url());

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void providesALiveClientThatOpensNoSocketUntilSomethingSubscribes() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ConvexLiveClient.class).hasSingleBean(ConvexLiveServerSentEvents.class);
			assertThat(context.getBean(ConvexLiveClient.class).state()).isEqualTo(ConnectionState.CLOSED);
			assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).isFalse();
		});
	}

	@Test
	void authenticatesWithTheDeployKeyAndClosesTheSocketWithTheContext() {
		ScriptedSocket[] socket = new ScriptedSocket[1];
		this.contextRunner.withPropertyValues("convex.deploy-key=" + TestSecrets.DEPLOY_KEY).run((context) -> {
			ConvexLiveClient live = context.getBean(ConvexLiveClient.class);
			Disposable subscription = live.subscribe(LIST, null).subscribe();
			socket[0] = this.server.accept();
			socket[0].next("Connect");
			JsonNode authenticate = socket[0].next("Authenticate");
			assertThat(authenticate.get("tokenType").asString()).isEqualTo("Admin");
			assertThat(authenticate.get("value").asString()).isEqualTo(TestSecrets.DEPLOY_KEY);
			assertThat(authenticate.get("baseVersion").asInt()).isZero();
			socket[0].next("ModifyQuerySet");
			socket[0].transition(100, Frames.updated(0, "[]"));
			assertThat(subscription.isDisposed()).isFalse();
		});
		assertThat(socket[0].awaitClosed(SyncTestServer.WAIT)).as("closed with the context").isTrue();
	}

	@Test
	void usesTheApplicationsCredentialsProvider() {
		this.contextRunner.withUserConfiguration(UserTokenConfiguration.class).run((context) -> {
			context.getBean(ConvexLiveClient.class).subscribe(LIST, null).subscribe();
			ScriptedSocket socket = this.server.accept();
			socket.next("Connect");
			JsonNode authenticate = socket.next("Authenticate");
			assertThat(authenticate.get("tokenType").asString()).isEqualTo("User");
			assertThat(authenticate.get("value").asString()).isEqualTo(TestSecrets.USER_TOKEN);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theHealthIndicatorShowsTheLiveConnection() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ConvexHealthContributorAutoConfiguration.class))
			.run((context) -> {
				Health health = context.getBean(ConvexHealthIndicator.class).health().block(Duration.ofSeconds(30));
				assertThat(health).isNotNull();
				assertThat((Map<String, Object>) health.getDetails().get("live")).containsEntry("state", "CLOSED")
					.containsEntry("subscriptions", 0);
			});
	}

	@Test
	void theEndpointShowsTheLiveConnection() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ConvexEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=convex")
			.run((context) -> assertThat(context.getBean(ConvexEndpoint.class).executions().live())
				.containsEntry("state", "CLOSED"));
	}

	@Test
	void metersTheLiveClientWhereMicrometerIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConvexLiveMeterBinder.class));
	}

	@Test
	void bindsTheLiveProperties() {
		this.contextRunner
			.withPropertyValues("convex.live.max-sockets=7", "convex.live.idle-timeout=5s",
					"convex.live.backoff-initial=200ms", "convex.live.sse-heartbeat=2s")
			.run((context) -> {
				ConvexLiveProperties properties = context.getBean(ConvexLiveProperties.class);
				assertThat(properties.getMaxSockets()).isEqualTo(7);
				assertThat(properties.getIdleTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getBackoffInitial()).isEqualTo(Duration.ofMillis(200));
				assertThat(properties.getSseHeartbeat()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		this.contextRunner.withUserConfiguration(OwnClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ConvexLiveClient.class);
			assertThat(context.getBean(ConvexLiveClient.class)).isSameAs(context.getBean("ownLiveClient"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenConfiguration {

		@Bean
		ConvexCredentialsProvider userCredentials() {
			return ConvexCredentialsProvider.of(ConvexCredentials.userToken(TestSecrets.USER_TOKEN));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		@Bean
		ConvexLiveClient ownLiveClient(ConvexTransport transport) {
			return ConvexLiveClient.builder(transport).maxSockets(1).build();
		}

	}

}
