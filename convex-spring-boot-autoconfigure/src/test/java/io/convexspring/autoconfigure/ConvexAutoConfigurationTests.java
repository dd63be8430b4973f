package io.convexspring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConvexAutoConfiguration}.
 */
class ConvexAutoConfigurationTests {

	private static final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConvexAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void answerEveryAction() {
		server.resetAll();
		server.stubFor(post(urlEqualTo("/api/action")).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"success\",\"value\":\"ok\"}")));
	}

	@Test
	void registersTheTransportAndTheThreeClients() {
		this.contextRunner.withPropertyValues("convex.url=https://happy-otter-123.convex.cloud/").run((context) -> {
			assertThat(context).hasSingleBean(ConvexTransport.class)
				.hasSingleBean(ConvexActionClient.class)
				.hasSingleBean(ConvexMutationClient.class)
				.hasSingleBean(ConvexQueryClient.class)
				.hasSingleBean(ConvexCodec.class);
			assertThat(context.getBean(ConvexTransport.class).deploymentUrl())
				.hasToString("https://happy-otter-123.convex.cloud");
			assertThat(context.getBean(ConvexActionClient.class).credentials()).isEqualTo(ConvexCredentials.none());
		});
	}

	@Test
	void missingUrlFailsStartupSayingWhatToSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			InvalidConvexUrlException failure = rootOf(context.getStartupFailure());
			FailureAnalysis analysis = new InvalidConvexUrlFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("No Convex deployment URL is configured");
			assertThat(analysis.getAction()).contains("convex.url", "CONVEX_URL",
					"https://happy-otter-123.convex.cloud");
		});
	}

	@Test
	void malformedUrlFailsStartupNamingTheValueAndAnExample() {
		this.contextRunner.withPropertyValues("convex.url=ftp://files.example.com").run((context) -> {
			assertThat(context).hasFailed();
			InvalidConvexUrlException failure = rootOf(context.getStartupFailure());
			assertThat(failure).hasMessageContaining("'ftp://files.example.com'")
				.hasMessageContaining("http or https")
				.hasMessageContaining("https://happy-otter-123.convex.cloud")
				.hasMessageContaining("convex.url");
			assertThat(new InvalidConvexUrlFailureAnalyzer().analyze(failure).getDescription())
				.contains("ftp://files.example.com");
		});
	}

	@Test
	void convexSiteUrlFailsStartupPointingToConvexCloudAndTheEscapeHatch() {
		this.contextRunner.withPropertyValues("convex.url=https://happy-otter-123.convex.site").run((context) -> {
			InvalidConvexUrlException failure = rootOf(context.getStartupFailure());
			assertThat(failure).hasMessageContaining("https://happy-otter-123.convex.cloud");
			FailureAnalysis analysis = new InvalidConvexUrlFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("HTTP Actions");
			assertThat(analysis.getAction()).contains("*.convex.cloud", "convex.skip-deployment-url-check=true");
		});
	}

	@Test
	void urlWithAPathStartsWhenTheCheckIsSkipped() {
		this.contextRunner.withPropertyValues("convex.url=https://proxy.example.com/convex")
			.run((context) -> assertThat(rootOf(context.getStartupFailure())).hasMessageContaining("it has a path"));
		this.contextRunner
			.withPropertyValues("convex.url=https://proxy.example.com/convex", "convex.skip-deployment-url-check=true")
			.run((context) -> assertThat(context.getBean(ConvexTransport.class).deploymentUrl())
				.hasToString("https://proxy.example.com/convex"));
	}

	@Test
	void relativeUrlFailsStartup() {
		this.contextRunner.withPropertyValues("convex.url=happy-otter-123.convex.cloud")
			.run((context) -> assertThat(rootOf(context.getStartupFailure()))
				.hasMessageContaining("'happy-otter-123.convex.cloud'"));
	}

	@Test
	void bindsTimeoutsSizeAndLogging() {
		this.contextRunner
			.withPropertyValues("convex.url=https://x.convex.cloud", "convex.connect-timeout=3s",
					"convex.query.timeout=5s", "convex.mutation.timeout=7s", "convex.action.timeout=12m",
					"convex.max-response-size=20MB", "convex.logging=debug")
			.run((context) -> {
				ConvexProperties properties = context.getBean(ConvexProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				ConvexTransport transport = context.getBean(ConvexTransport.class);
				assertThat(transport.deadline(FunctionKind.QUERY, null)).isEqualTo(Duration.ofSeconds(5));
				assertThat(transport.deadline(FunctionKind.MUTATION, null)).isEqualTo(Duration.ofSeconds(7));
				assertThat(transport.deadline(FunctionKind.ACTION, null)).isEqualTo(Duration.ofMinutes(12));
				assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(20));
				assertThat(properties.getLogging()).isEqualTo(ConvexProperties.Logging.DEBUG);
			});
	}

	@Test
	void loggingFalseFromYamlBindsToOff() {
		// YAML's `logging: false` arrives as a boolean
		this.contextRunner.withPropertyValues("convex.url=https://x.convex.cloud")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.MapPropertySource("yaml",
						Map.of("convex.logging", Boolean.FALSE))))
			.run((context) -> assertThat(context.getBean(ConvexProperties.class).getLogging())
				.isEqualTo(ConvexProperties.Logging.OFF));
	}

	@Test
	@SuppressWarnings("deprecation")
	void defaultsSuitLongRunningActionsAndMatchTheClientsOwn() {
		ConvexProperties properties = new ConvexProperties();
		assertThat(properties.getLogging()).isEqualTo(ConvexProperties.Logging.OFF);
		assertThat(properties.getAction().getTimeout()).isGreaterThan(Duration.ofMinutes(30))
			.isEqualTo(ConvexTransport.DEFAULT_ACTION_TIMEOUT);
		assertThat(properties.getQuery().getTimeout()).isEqualTo(ConvexTransport.DEFAULT_FUNCTION_TIMEOUT);
		assertThat(properties.getMutation().getTimeout()).isEqualTo(ConvexTransport.DEFAULT_FUNCTION_TIMEOUT);
		assertThat(properties.getResponseTimeout()).isNull();
		assertThat(properties.getHttp().toPoolSettings()).isEqualTo(io.convexspring.client.ConvexPoolSettings.defaults());
		assertThat(properties.getMaxResponseSize().toBytes()).isGreaterThan(16L * 1024 * 1024);
	}

	@Test
	void deprecatedResponseTimeoutStillSetsEveryKind() {
		this.contextRunner.withPropertyValues("convex.url=https://x.convex.cloud", "convex.response-timeout=90s")
			.run((context) -> {
				ConvexTransport transport = context.getBean(ConvexTransport.class);
				for (FunctionKind kind : FunctionKind.values()) {
					assertThat(transport.deadline(kind, null)).isEqualTo(Duration.ofSeconds(90));
				}
			});
	}

	@Test
	void deployKeyIsSentAsConvexAuthorizationAndNeverShown() {
		this.contextRunner.withPropertyValues("convex.url=" + server.baseUrl(), "convex.deploy-key=prod:secret-key-123")
			.run((context) -> {
				ConvexActionClient client = context.getBean(ConvexActionClient.class);
				assertThat(client.executeBlocking("emails:send", null, String.class)).isEqualTo("ok");
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
						equalTo("Convex prod:secret-key-123")));
				assertThat(client.toString()).doesNotContain("secret-key-123");
				assertThat(context.getBean(ConvexTransport.class).toString()).doesNotContain("secret-key-123");
			});
	}

	@Test
	void blankDeployKeyMeansAnonymous() {
		this.contextRunner.withPropertyValues("convex.url=https://x.convex.cloud", "convex.deploy-key=")
			.run((context) -> assertThat(context.getBean(ConvexActionClient.class).credentials())
				.isEqualTo(ConvexCredentials.none()));
	}

	@Test
	void credentialsProviderBeanIsAskedPerCallInsteadOfTheDeployKey() {
		AtomicInteger asked = new AtomicInteger();
		ConvexCredentialsProvider provider = (forceRefresh) -> Mono
			.fromSupplier(() -> ConvexCredentials.userToken("user-token-" + asked.incrementAndGet()));
		this.contextRunner.withPropertyValues("convex.url=" + server.baseUrl(), "convex.deploy-key=prod:secret-key-123")
			.withBean(ConvexCredentialsProvider.class, () -> provider)
			.run((context) -> {
				assertThat(context.getBean(ConvexTransport.class).defaultCredentialsProvider()).isSameAs(provider);
				ConvexActionClient client = context.getBean(ConvexActionClient.class);
				client.executeBlocking("emails:send", null, String.class);
				client.executeBlocking("emails:send", null, String.class);
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
						equalTo("Bearer user-token-1")));
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
						equalTo("Bearer user-token-2")));
			});
	}

	@Test
	void connectionDetailsBeanTakesPrecedenceOverProperties() {
		this.contextRunner.withPropertyValues("convex.url=https://ignored.convex.cloud")
			.withBean(ConvexConnectionDetails.class, () -> () -> server.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(ConvexTransport.class).deploymentUrl()).hasToString(server.baseUrl());
				assertThat(context.getBean(ConvexActionClient.class).executeBlocking("a:b", null, String.class))
					.isEqualTo("ok");
			});
	}

	@Test
	void usesAClonedApplicationWebClientBuilderAndTheCustomizers() {
		this.contextRunner.withPropertyValues("convex.url=" + server.baseUrl())
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withUserConfiguration(WebClientCustomization.class)
			.run((context) -> {
				context.getBean(ConvexActionClient.class).executeBlocking("emails:send", null, String.class);
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("X-App", equalTo("from-app"))
					.withHeader("X-Convex-Customizer", equalTo("applied")));
				// the application's own builder is untouched by the customizer
				WebClient.Builder appBuilder = context.getBean(WebClient.Builder.class);
				appBuilder.build().post().uri(server.baseUrl() + "/api/action").retrieve().toBodilessEntity().block();
				assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/action")))
					.get(1)
					.containsHeader("X-Convex-Customizer")).isFalse();
			});
	}

	@Test
	void worksWithoutBootsWebClientAutoConfiguration() {
		this.contextRunner.withPropertyValues("convex.url=" + server.baseUrl())
			.withClassLoader(new FilteredClassLoader(WebClientAutoConfiguration.class))
			.run((context) -> assertThat(
					context.getBean(ConvexActionClient.class).executeBlocking("emails:send", null, String.class))
				.isEqualTo("ok"));
	}

	@Test
	void backsOffForUsersOwnBeans() {
		this.contextRunner.withPropertyValues("convex.url=https://x.convex.cloud")
			.withUserConfiguration(UserClients.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ConvexActionClient.class).hasSingleBean(ConvexTransport.class);
				assertThat(context.getBean(ConvexTransport.class)).isSameAs(UserClients.TRANSPORT);
				assertThat(context.getBean(ConvexActionClient.class)).isSameAs(UserClients.ACTIONS);
				assertThat(context.getBean(ConvexCodec.class)).isSameAs(UserClients.CODEC);
			});
	}

	@Test
	void withoutWebFluxOnTheClassPathNothingIsRegistered() {
		this.contextRunner.withPropertyValues("convex.url=https://x.convex.cloud")
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ConvexTransport.class));
	}

	private static InvalidConvexUrlException rootOf(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidConvexUrlException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("InvalidConvexUrlException in %s", failure).isNotNull();
		return (InvalidConvexUrlException) cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientCustomization {

		@Bean
		org.springframework.boot.webclient.WebClientCustomizer appDefaults() {
			return (builder) -> builder.defaultHeader("X-App", "from-app");
		}

		@Bean
		ConvexWebClientCustomizer convexOnly() {
			return (builder) -> builder.defaultHeader("X-Convex-Customizer", "applied");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClients {

		static final ConvexCodec CODEC = ConvexCodec.create();

		static final ConvexTransport TRANSPORT = ConvexTransport.builder("https://mine.convex.cloud").codec(CODEC).build();

		static final ConvexActionClient ACTIONS = new ConvexActionClient(TRANSPORT);

		@Bean
		ConvexCodec myCodec() {
			return CODEC;
		}

		@Bean
		ConvexTransport myTransport() {
			return TRANSPORT;
		}

		@Bean
		ConvexActionClient myActions() {
			return ACTIONS;
		}

	}

}
