package io.convexspring.security;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexQueryClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code convex.security.relay} behind the real Spring Security filter chain of an OAuth2
 * resource server, in a servlet app on Tomcat and a reactive app on Netty: calls made while a
 * request is handled run as its user, with no code in the controller; others with the deploy
 * key. What reaches the Convex stub is the proof.
 */
class SecurityRelayTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static final TestJwts jwts = new TestJwts();

	private static final String DEPLOY_KEY = "prod:happy-otter-123|relay-test-key";

	@BeforeEach
	void answer() {
		convex.stubFor(post("/api/query").willReturn(okJson("{\"status\":\"success\",\"value\":\"orders\"}")));
	}

	private static List<String> sentAuthorizations() {
		return convex.findAll(anyRequestedFor(anyUrl())).stream().map((r) -> r.getHeader("Authorization")).toList();
	}

	private static ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, boolean relay) {
		return new SpringApplicationBuilder(app).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"convex.url=" + convex.baseUrl(), "convex.deploy-key=" + DEPLOY_KEY,
					"convex.security.relay=" + relay)
			.run();
	}

	private static WebTestClient http(ConfigurableApplicationContext context) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	private static void assertRunsAs(ConfigurableApplicationContext context, String path, String token,
			String expectedAuthorization) {
		WebTestClient.RequestHeadersSpec<?> request = http(context).get().uri(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("orders");
		assertThat(sentAuthorizations()).containsExactly(expectedAuthorization);
		convex.resetRequests();
	}

	@Nested
	class Servlet {

		@Test
		void blockingCallInARequestRunsAsItsUser() {
			String token = jwts.token("ada");
			try (ConfigurableApplicationContext context = start(ServletApp.class, WebApplicationType.SERVLET, true)) {
				assertRunsAs(context, "/orders", token, "Bearer " + token);
				assertRunsAs(context, "/orders/reactive", token, "Bearer " + token);
			}
		}

		@Test
		void callsWithoutASignedInUserUseTheDeployKey() {
			try (ConfigurableApplicationContext context = start(ServletApp.class, WebApplicationType.SERVLET, true)) {
				assertRunsAs(context, "/public/orders", null, "Convex " + DEPLOY_KEY);
				assertThat(context.getBean(ConvexQueryClient.class).executeBlocking("orders:list", null, String.class))
					.isEqualTo("orders");
				assertThat(sentAuthorizations()).containsExactly("Convex " + DEPLOY_KEY);
			}
		}

		@Test
		void tokenTheResourceServerRefusesNeverReachesConvex() {
			try (ConfigurableApplicationContext context = start(ServletApp.class, WebApplicationType.SERVLET, true)) {
				http(context).get()
					.uri("/orders")
					.header("Authorization", "Bearer " + TestJwts.foreignToken("mallory"))
					.exchange()
					.expectStatus()
					.isUnauthorized();
				assertThat(sentAuthorizations()).isEmpty();
			}
		}

		@Test
		void withoutTheRelayRequestsRunWithTheDeployKey() {
			try (ConfigurableApplicationContext context = start(ServletApp.class, WebApplicationType.SERVLET, false)) {
				assertRunsAs(context, "/orders", jwts.token("ada"), "Convex " + DEPLOY_KEY);
			}
		}

	}

	@Nested
	class Reactive {

		@Test
		void callInARequestRunsAsItsUser() {
			String token = jwts.token("grace");
			try (ConfigurableApplicationContext context = start(ReactiveApp.class, WebApplicationType.REACTIVE,
					true)) {
				assertRunsAs(context, "/orders/reactive", token, "Bearer " + token);
			}
		}

		@Test
		void callsWithoutASignedInUserUseTheDeployKey() {
			try (ConfigurableApplicationContext context = start(ReactiveApp.class, WebApplicationType.REACTIVE,
					true)) {
				assertRunsAs(context, "/public/orders/reactive", null, "Convex " + DEPLOY_KEY);
				assertThat(context.getBean(ConvexQueryClient.class).execute("orders:list", null, String.class).block())
					.isEqualTo("orders");
				assertThat(sentAuthorizations()).containsExactly("Convex " + DEPLOY_KEY);
			}
		}

		@Test
		void withoutTheRelayRequestsRunWithTheDeployKey() {
			try (ConfigurableApplicationContext context = start(ReactiveApp.class, WebApplicationType.REACTIVE,
					false)) {
				assertRunsAs(context, "/orders/reactive", jwts.token("grace"), "Convex " + DEPLOY_KEY);
			}
		}

	}

	/** Calls Convex with no code about who the user is. */
	@RestController
	static class OrdersController {

		private final ConvexQueryClient queries;

		OrdersController(ConvexQueryClient queries) {
			this.queries = queries;
		}

		@GetMapping({ "/orders", "/public/orders" })
		String orders() {
			return this.queries.executeBlocking("orders:list", null, String.class);
		}

		@GetMapping({ "/orders/reactive", "/public/orders/reactive" })
		Mono<String> ordersReactive() {
			return this.queries.execute("orders:list", null, String.class);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(OrdersController.class)
	static class ServletApp {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
				.build();
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey(jwts.publicKey()).build();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(OrdersController.class)
	static class ReactiveApp {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/public/**").permitAll().anyExchange().authenticated())
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
				.build();
		}

		@Bean
		ReactiveJwtDecoder reactiveJwtDecoder() {
			return NimbusReactiveJwtDecoder.withPublicKey(jwts.publicKey()).build();
		}

	}

}
