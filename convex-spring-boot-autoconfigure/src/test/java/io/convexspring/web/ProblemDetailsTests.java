package io.convexspring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.validation.constraints.Email;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexActionClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code convex.web.problem-details.enabled} in a servlet app on Tomcat and a reactive app on
 * Netty: each way a call fails becomes the problem detail it should, and none shows a stack
 * trace, a secret or a server message's internals.
 */
class ProblemDetailsTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, boolean enabled) {
		return new SpringApplicationBuilder(app).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"convex.url=" + convex.baseUrl(), "convex.deploy-key=" + TestSecrets.DEPLOY_KEY,
					"convex.response-timeout=3s", "convex.web.problem-details.retry-after=3s",
					"convex.validation.enabled=true",
					"convex.web.problem-details.enabled=" + enabled)
			.run();
	}

	private static void answer(String function, ResponseDefinitionBuilder response) {
		convex.stubFor(post("/api/action").withRequestBody(equalToJson("{\"path\":\"" + function + "\"}", true, true))
			.willReturn(response));
	}

	private static ResponseDefinitionBuilder refusal(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"" + code + "\",\"message\":\"refused by shard 7 at /internal/path\"}");
	}

	/** A GET on a running app, with the JDK's client (the apps' own Reactor Netty resources stay theirs). */
	private static Answer get(ConfigurableApplicationContext app, String pathAndQuery) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
					+ pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, HttpHeaders headers, String body) {
	}

	private static String problem(Answer result, int status, String function) {
		assertThat(result.status()).as(result.body()).isEqualTo(status);
		assertThat(result.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = result.body();
		assertThat(body).contains("\"status\":" + status)
			.contains("\"function\":\"" + function + "\"")
			.doesNotContain("\tat ")
			.doesNotContain("io.convexspring")
			.doesNotContain("Exception")
			.doesNotContain("trace")
			.doesNotContain("shard 7")
			.doesNotContain("/internal/path");
		TestSecrets.assertNoSecretIn(body);
		return body;
	}

	/** The same cases in each stack, through one of its endpoints, on one app started for them all. */
	abstract static class Stack {

		private ConfigurableApplicationContext app;

		abstract ConfigurableApplicationContext start();

		abstract String endpoint();

		@BeforeAll
		void startApp() {
			this.app = start();
		}

		@AfterAll
		void stopApp() {
			this.app.close();
		}

		Answer call(String function) {
			return get(this.app, endpoint() + "?function=" + function);
		}

		@Test
		void convexErrorIs422WithItsDataAndCode() {
			answer("payments:charge", okJson("{\"status\":\"error\",\"errorMessage\":\"[Request ID: 5e1d] Server Error\","
					+ "\"errorData\":{\"code\":\"CARD_DECLINED\",\"amount\":1250}}"));
			String body = problem(call("payments:charge"), 422, "payments:charge");
			assertThat(body).contains("\"code\":\"CARD_DECLINED\"")
				.contains("\"data\":{\"code\":\"CARD_DECLINED\",\"amount\":1250.0}")
				.contains("\"requestId\":\"5e1d\"");
		}

		@Test
		void otherFunctionFailureIs502WithoutTheServerMessage() {
			answer("emails:send", okJson("{\"status\":\"error\",\"errorMessage\":\"[Request ID: 7d1e] Server Error\\n"
					+ "Uncaught Error: password hunter2\\n    at handler (../convex/emails.ts:12:9)\"}"));
			String body = problem(call("emails:send"), 502, "emails:send");
			assertThat(body).contains("\"requestId\":\"7d1e\"")
				.contains("Convex action emails:send failed")
				.doesNotContain("hunter2")
				.doesNotContain("emails.ts")
				.doesNotContain("Uncaught");
		}

		@Test
		void rateLimitIs429AndOverload503WithRetryAfter() {
			answer("orders:rate", refusal(429, "TooManyConcurrentRequests"));
			answer("orders:busy", refusal(503, "Busy"));
			Answer limited = call("orders:rate");
			assertThat(problem(limited, 429, "orders:rate")).contains("\"code\":\"TooManyConcurrentRequests\"");
			assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
			Answer busy = call("orders:busy");
			assertThat(problem(busy, 503, "orders:busy")).contains("\"code\":\"Busy\"");
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("3");
		}

		@Test
		void timeoutIs504AndABrokenAnswer502() {
			answer("orders:slow", okJson("{\"status\":\"success\",\"value\":1}").withFixedDelay(8000));
			answer("orders:html", aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody("<html>proxy error at 10.0.0.7</html>"));
			problem(call("orders:slow"), 504, "orders:slow");
			assertThat(problem(call("orders:html"), 502, "orders:html")).doesNotContain("10.0.0.7");
		}

		@Test
		void refusedCredentialsAre401Or403() {
			answer("auth:expired", refusal(401, "TokenExpired"));
			answer("auth:forbidden", refusal(403, "BadDeployKey"));
			assertThat(problem(call("auth:expired"), 401, "auth:expired"))
				.contains("\"code\":\"TokenExpired\"");
			assertThat(problem(call("auth:forbidden"), 403, "auth:forbidden"))
				.contains("\"code\":\"BadDeployKey\"");
		}

		@Test
		void argumentsThatCannotBeSentAre400() {
			String body = problem(call("args:big"), 400, "args:big");
			assertThat(body).contains("\"argument\":\"n\"");
		}

		@Test
		void argumentsBreakingTheirConstraintsAre400WithTheViolations() {
			String body = problem(call("args:invalid"), 400, "args:invalid");
			assertThat(body).contains("\"violations\":[{\"field\":\"email\",\"message\":");
			assertThat(convex.findAll(postRequestedFor(urlEqualTo("/api/action"))
				.withRequestBody(containing("args:invalid")))).isEmpty();
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class ServletBlocking extends Stack {

		@Override
		ConfigurableApplicationContext start() {
			return ProblemDetailsTests.start(ServletApp.class, WebApplicationType.SERVLET, true);
		}

		@Override
		String endpoint() {
			return "/blocking";
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class ServletMono extends Stack {

		@Override
		ConfigurableApplicationContext start() {
			return ProblemDetailsTests.start(ServletApp.class, WebApplicationType.SERVLET, true);
		}

		@Override
		String endpoint() {
			return "/reactive";
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class Reactive extends Stack {

		@Override
		ConfigurableApplicationContext start() {
			return ProblemDetailsTests.start(ReactiveApp.class, WebApplicationType.REACTIVE, true);
		}

		@Override
		String endpoint() {
			return "/reactive";
		}

	}

	@Test
	void offUnlessEnabled() {
		answer("payments:charge", okJson("{\"status\":\"error\",\"errorMessage\":\"x\",\"errorData\":\"declined\"}"));
		try (ConfigurableApplicationContext off = start(ServletApp.class, WebApplicationType.SERVLET, false)) {
			assertThat(off.getBeanNamesForType(ConvexExceptionHandler.class)).isEmpty();
			assertThat(get(off, "/blocking?function=payments:charge").status()).isEqualTo(500);
		}
	}

	record Contact(@Email String email) {
	}

	/** Calls the function it is given; sends an int64 as float64, which cannot be sent, for args:big. */
	@RestController
	static class CallController {

		private final ConvexActionClient actions;

		CallController(ConvexActionClient actions) {
			this.actions = actions;
		}

		private static Object args(String function) {
			if (function.equals("args:invalid")) {
				return new Contact("not an address");
			}
			return function.equals("args:big") ? Map.of("n", 9_007_199_254_740_993L) : Map.of();
		}

		@GetMapping("/blocking")
		Object blocking(@RequestParam String function) {
			return this.actions.executeBlocking(function, args(function), Object.class);
		}

		@GetMapping("/reactive")
		Mono<Object> reactive(@RequestParam String function) {
			return this.actions.execute(function, args(function), Object.class);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(CallController.class)
	static class ServletApp {

		@Bean
		SecurityFilterChain openChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(CallController.class)
	static class ReactiveApp {

		@Bean
		SecurityWebFilterChain openChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

}
