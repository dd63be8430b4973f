package io.convexspring.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.web.reactive.function.client.ServerBearerExchangeFilterFunction;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import io.convexspring.client.ConvexActionClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's JSON settings and WebClient filters stay out of the Convex wire: the
 * codec starts from a mapper of the starter's own, and the starter's {@code Authorization}
 * is what is sent, whatever the application's filters do.
 */
class ConvexIsolationTests {

	private static final WireMockServer server = new WireMockServer(options().dynamicPort());

	private static final String DEPLOY_KEY = "prod:happy-otter-123|secret-admin-key";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ConvexAutoConfiguration.class))
		.withPropertyValues("convex.url=" + server.baseUrl());

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
		server.stubFor(post(urlEqualTo("/api/action")).willReturn(okJson("{\"status\":\"success\",\"value\":\"ok\"}")));
	}

	record Args(String emailAddress) {
	}

	@Test
	void applicationsNamingStrategyDoesNotReachTheWire() {
		this.contextRunner
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
			.run((context) -> {
				context.getBean(ConvexActionClient.class).executeBlocking("emails:send", new Args("a@b.c"), String.class);
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withRequestBody(equalToJson(
						"{\"path\":\"emails:send\",\"args\":[{\"emailAddress\":\"a@b.c\"}],\"format\":\"convex_encoded_json\"}")));
			});
	}

	@Test
	void convexJsonMapperCustomizerAddsModules() {
		SimpleModule module = new SimpleModule().addSerializer(Args.class, new StdSerializer<>(Args.class) {
			@Override
			public void serialize(Args value, tools.jackson.core.JsonGenerator gen,
					tools.jackson.databind.SerializationContext provider) {
				gen.writeStartObject();
				gen.writeStringProperty("to", value.emailAddress());
				gen.writeEndObject();
			}
		});
		this.contextRunner
			.withBean(ConvexJsonMapperCustomizer.class, () -> (builder) -> builder.addModule(module))
			.run((context) -> {
				context.getBean(ConvexActionClient.class).executeBlocking("emails:send", new Args("a@b.c"), String.class);
				server.verify(postRequestedFor(urlEqualTo("/api/action"))
					.withRequestBody(equalToJson("{\"path\":\"emails:send\",\"args\":[{\"to\":\"a@b.c\"}],"
							+ "\"format\":\"convex_encoded_json\"}")));
			});
	}

	@Test
	void springSecuritysBearerFilterDoesNotReplaceTheDeployKey() {
		this.contextRunner.withPropertyValues("convex.deploy-key=" + DEPLOY_KEY)
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter(new ServerBearerExchangeFilterFunction()))
			.run((context) -> {
				context.getBean(ConvexActionClient.class)
					.execute("emails:send", null, String.class)
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(signedInUser()))
					.block();
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
						equalTo("Convex " + DEPLOY_KEY)));
			});
	}

	@Test
	void springSecuritysBearerFilterAddsNoTokenToAnAnonymousCall() {
		this.contextRunner
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter(new ServerBearerExchangeFilterFunction()))
			.run((context) -> {
				context.getBean(ConvexActionClient.class)
					.execute("emails:send", null, String.class)
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(signedInUser()))
					.block();
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization", absent()));
				// the application's own WebClient still sends the user's token: only Convex calls are guarded
				context.getBean(org.springframework.web.reactive.function.client.WebClient.Builder.class)
					.build()
					.post()
					.uri(server.baseUrl() + "/api/action")
					.retrieve()
					.toBodilessEntity()
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(signedInUser()))
					.block();
				assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/action"))).get(1).getHeader("Authorization"))
					.isEqualTo("Bearer user-token");
			});
	}

	@Test
	void userTokenClientSendsItsOwnTokenNotTheSignedInUsers() {
		this.contextRunner
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter(new ServerBearerExchangeFilterFunction()))
			.run((context) -> {
				context.getBean(ConvexActionClient.class)
					.withUserToken("forwarded-token")
					.execute("emails:send", null, String.class)
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(signedInUser()))
					.block();
				server.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
						equalTo("Bearer forwarded-token")));
			});
	}

	private static BearerTokenAuthentication signedInUser() {
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "user-token",
				Instant.now(), Instant.now().plusSeconds(300));
		return new BearerTokenAuthentication(new DefaultOAuth2AuthenticatedPrincipal(Map.of("sub", "user"), List.of()),
				token, List.of());
	}

}
