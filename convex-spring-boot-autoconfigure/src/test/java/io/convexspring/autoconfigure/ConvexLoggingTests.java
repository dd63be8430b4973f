package io.convexspring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexQueryClient;

import static io.convexspring.TestSecrets.DEPLOY_KEY;
import static io.convexspring.TestSecrets.USER_TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code convex.logging} in an application started as Spring Boot starts one, with its default
 * logging set-up (root at INFO, nothing set under {@code logging.level}): each level shows, and
 * no credential ever does.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConvexLoggingTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@BeforeEach
	void answer() {
		convex.stubFor(post("/api/action").withRequestBody(equalToJson("{\"path\":\"emails:send\"}", true, true))
			.willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"msg_81f2\",\"attachment\":"
					+ "{\"$bytes\":\"JVBERi0xLjc=\"}},\"logLines\":[\"[LOG] Sending welcome email to ada@example.com\","
					+ "\"[WARN] Provider answered slowly (1200 ms)\"]}")));
		convex.stubFor(post("/api/action").withRequestBody(equalToJson("{\"path\":\"payments:charge\"}", true, true))
			.willReturn(okJson("{\"status\":\"error\",\"errorMessage\":\"[Request ID: 5e1d0c2a] Server Error\","
					+ "\"errorData\":{\"code\":\"CARD_DECLINED\"},\"logLines\":[\"[ERROR] Card declined\"]}")));
	}

	private static void executeBoth(String... properties) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("convex.url=" + convex.baseUrl(), "convex.deploy-key=" + DEPLOY_KEY,
					"spring.main.banner-mode=off")
			.properties(properties)
			.run()) {
			ConvexActionClient client = context.getBean(ConvexActionClient.class);
			client.withUserToken(USER_TOKEN)
				.executeBlocking("emails:send", new Welcome("ada@example.com", "Welcome, Ada"), Sent.class);
			assertThatExceptionOfType(ConvexException.class)
				.isThrownBy(() -> client.executeBlocking("payments:charge", new Charge("ord_1", 1250), Object.class));
		}
	}

	private static void assertNoSecret(CapturedOutput output) {
		TestSecrets.assertNoSecretIn(output.getAll());
	}

	@Test
	void offLogsNothingPerExecution(CapturedOutput output) {
		executeBoth("convex.logging=false");
		assertThat(output.getOut()).doesNotContain("io.convexspring.execution")
			.doesNotContain("io.convexspring.function")
			.doesNotContain("[CONVEX");
		assertNoSecret(output);
	}

	@Test
	void infoLogsALinePerExecutionAndTheFunctionsOwnLines(CapturedOutput output) {
		executeBoth("convex.logging=info");
		await().until(() -> output.getOut().contains("Convex action payments:charge: convex_error"));
		assertThat(output.getOut())
			.containsPattern(" INFO .* io\\.convexspring\\.function +: \\[CONVEX A\\(emails:send\\)\\] \\[LOG\\] "
					+ "Sending welcome email to ada@example\\.com")
			.containsPattern(" WARN .* io\\.convexspring\\.function +: \\[CONVEX A\\(emails:send\\)\\] \\[WARN\\] "
					+ "Provider answered slowly")
			.containsPattern(
					" INFO .* io\\.convexspring\\.execution +: Convex action emails:send: success in \\d+ ms\\R")
			.containsPattern("ERROR .* io\\.convexspring\\.function +: \\[CONVEX A\\(payments:charge\\)\\] \\[ERROR\\] "
					+ "Card declined")
			.containsPattern(" INFO .* io\\.convexspring\\.execution +: Convex action payments:charge: convex_error in "
					+ "\\d+ ms: \\{\"code\":\"CARD_DECLINED\"\\}\\R")
			.doesNotContain("started;")
			.doesNotContain("Welcome, Ada");
		assertNoSecret(output);
	}

	@Test
	void debugAlsoLogsStartsHttpDetailsAndPreviewsAtInfo(CapturedOutput output) {
		executeBoth("convex.logging=debug");
		await().until(() -> output.getOut().contains("Convex action payments:charge: convex_error"));
		assertThat(output.getOut())
			.containsPattern(" INFO .* io\\.convexspring\\.execution +: Convex action emails:send started; arguments: "
					+ "\\{\"to\": \"ada@example\\.com\", \"subject\": \"Welcome, Ada\"\\}")
			.containsPattern(" INFO .* io\\.convexspring\\.execution +: Convex action emails:send: success in \\d+ ms; "
					+ "HTTP 200; result: \\{\"id\": \"msg_81f2\", \"attachment\": <bytes: 8>\\}")
			.containsPattern(" INFO .* io\\.convexspring\\.execution +: Convex action payments:charge started; "
					+ "arguments: "
					+ "\\{\"orderId\": \"ord_1\", \"amountCents\": 1250\\}")
			.containsPattern(" INFO .* io\\.convexspring\\.execution +: Convex action payments:charge: convex_error in "
					+ "\\d+ ms: \\{\"code\":\"CARD_DECLINED\"\\}; HTTP 200; request id 5e1d0c2a");
		assertNoSecret(output);
	}

	@Test
	void actingAsAUserNeverShowsTheKeyOrTheIdentity(CapturedOutput output) {
		convex.stubFor(post("/api/query").withRequestBody(equalToJson("{\"path\":\"users:me\"}", true, true))
			.willReturn(okJson("{\"status\":\"success\",\"value\":\"ok\"}")));
		convex.stubFor(post("/api/query").withRequestBody(equalToJson("{\"path\":\"users:denied\"}", true, true))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":\"Unauthenticated\",\"message\":\"Could not verify the identity\"}")));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("convex.url=" + convex.baseUrl(), "convex.logging=debug", "spring.main.banner-mode=off")
			.run()) {
			ConvexCredentials actingAs = ConvexCredentials.actingAs(DEPLOY_KEY, TestSecrets.IDENTITY);
			ConvexQueryClient queries = context.getBean(ConvexQueryClient.class).withCredentials(actingAs);
			assertThat(queries.executeBlocking("users:me", null, String.class)).isEqualTo("ok");
			assertThatExceptionOfType(ConvexException.class)
				.isThrownBy(() -> queries.executeBlocking("users:denied", null, String.class))
				.satisfies((ex) -> TestSecrets.assertNoSecretIn(ex.toString()));
			TestSecrets.assertNoSecretIn(queries.toString() + actingAs + queries.credentialsProvider());
			convex.verify(postRequestedFor(urlEqualTo("/api/query")).withHeader("Authorization",
					matching("Convex \\Q" + DEPLOY_KEY + "\\E:[A-Za-z0-9+/=]+")));
		}
		await().until(() -> output.getOut().contains("Convex query users:denied: http_error"));
		assertThat(output.getOut()).contains("Convex query users:me: success");
		assertNoSecret(output);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ConvexAutoConfiguration.class, ConvexObservationAutoConfiguration.class })
	static class LoggingTestApplication {

	}

	record Welcome(String to, String subject) {
	}

	record Sent(String id, byte[] attachment) {
	}

	record Charge(String orderId, long amountCents) {
	}

}
