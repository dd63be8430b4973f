package io.convexspring.observation;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;
import io.convexspring.state.ActionLogging;

import static io.convexspring.TestSecrets.DEPLOY_KEY;
import static io.convexspring.TestSecrets.USER_TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConvexLoggingObservationHandler} on a registry of its own, as without metrics: the line
 * per execution, the function's log lines at their levels, the details of detailed logging, and
 * never a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConvexLoggingObservationHandlerTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	// the logger and the official client's prefix, in logback's plain format or Spring Boot's
	private static final String FUNCTION = ".*io\\.convexspring\\.function\\s+(--|:) \\[CONVEX A\\(emails:send\\)\\] ";

	private static final String EXECUTION = ".*io\\.convexspring\\.execution\\s+(--|:) ";

	private static ConvexTransport transport(ConvexLoggingObservationHandler handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return ConvexTransport.builder(convex.baseUrl())
			.credentials(ConvexCredentials.deployKey(DEPLOY_KEY))
			.observationRegistry(registry)
			.nestHttpObservations(false)
			.build();
	}

	private static @Nullable Object send(ConvexTransport transport, ConvexCredentials credentials, Object args) {
		return transport.block(transport.execute(FunctionKind.ACTION, "emails:send", args,
				transport.codec().javaType(Object.class), credentials), FunctionKind.ACTION, "emails:send");
	}

	private static void answer(int status, String body) {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body)));
	}

	private static void awaitLine(CapturedOutput output, String text) {
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains(text));
	}

	private static void assertNoSecret(CapturedOutput output) {
		TestSecrets.assertNoSecretIn(output.getAll());
	}

	@Test
	void summaryLogsOneLinePerExecutionAfterTheFunctionsOwnLines(CapturedOutput output) {
		answer(200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"},"
				+ "\"logLines\":[\"[LOG] Sending to ada\",\"[INFO] queued\",\"[WARN] slow provider\","
				+ "\"[ERROR] retrying\"]}");
		send(transport(ConvexLoggingObservationHandler.summary()), ConvexCredentials.userToken(USER_TOKEN),
				new Args("ada@example.com"));
		awaitLine(output, "Convex action emails:send: success in ");
		String out = output.getOut();
		assertThat(out).containsPattern("INFO\\s" + FUNCTION + "\\[LOG\\] Sending to ada")
			.containsPattern("INFO\\s" + FUNCTION + "\\[INFO\\] queued")
			.containsPattern("WARN\\s" + FUNCTION + "\\[WARN\\] slow provider")
			.containsPattern("ERROR\\s" + FUNCTION + "\\[ERROR\\] retrying")
			.containsPattern("INFO\\s" + EXECUTION + "Convex action emails:send: success in \\d+ ms\\R");
		assertThat(out.indexOf("[ERROR] retrying")).isLessThan(out.indexOf("Convex action emails:send: success"));
		assertThat(out).doesNotContain("started").doesNotContain("ada@example.com").doesNotContain("HTTP 200");
		assertNoSecret(output);
	}

	@Test
	void summaryOfAFailureCarriesItsMessage(CapturedOutput output) {
		answer(200, "{\"status\":\"error\",\"errorMessage\":\"[Request ID: 9f2c] Server Error\","
				+ "\"logLines\":[\"[ERROR] boom\"]}");
		assertThatExceptionOfType(ConvexException.class)
			.isThrownBy(() -> send(transport(ConvexLoggingObservationHandler.summary()), ConvexCredentials.none(),
					new Args("ada@example.com")));
		awaitLine(output, "Convex action emails:send: function_error in ");
		assertThat(output.getOut()).containsPattern("ERROR\\s" + FUNCTION + "\\[ERROR\\] boom")
			.containsPattern("Convex action emails:send: function_error in \\d+ ms: Action emails:send failed: "
					+ "\\[Request ID: 9f2c\\] Server Error");
		assertNoSecret(output);
	}

	@Test
	void summaryOfARefusalNamesTheStatusButNoCredential(CapturedOutput output) {
		answer(403, "{\"code\":\"BadDeployKey\",\"message\":\"The deploy key is invalid\"}");
		assertThatExceptionOfType(ConvexException.class).isThrownBy(
				() -> send(transport(ConvexLoggingObservationHandler.detailed(500)),
						ConvexCredentials.deployKey(DEPLOY_KEY), new Args("ada@example.com")));
		awaitLine(output, "Convex action emails:send: http_error in ");
		assertThat(output.getOut()).contains("refused with HTTP 403 BadDeployKey").contains("; HTTP 403");
		assertNoSecret(output);
	}

	@Test
	void detailedLogsTheStartArgumentsHttpStatusRequestIdAndResult(CapturedOutput output) {
		answer(200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\",\"pdf\":{\"$bytes\":\"AAECAw==\"}}}");
		send(transport(ConvexLoggingObservationHandler.detailed(500)), ConvexCredentials.userToken(USER_TOKEN),
				new Attachment("ada@example.com", new byte[1234]));
		awaitLine(output, "Convex action emails:send: success in ");
		assertThat(output.getOut()).containsPattern(
				"INFO\\s.*io\\.convexspring\\.execution\\s+(--|:) Convex action emails:send started; arguments: "
						+ "\\{\"to\": \"ada@example\\.com\", \"file\": <bytes: 1234>\\}")
			.containsPattern("Convex action emails:send: success in \\d+ ms; HTTP 200; result: "
					+ "\\{\"id\": \"r1\", \"pdf\": <bytes: 4>\\}");
		assertNoSecret(output);
	}

	@Test
	void detailedLogsTheRequestIdOfAFailure(CapturedOutput output) {
		answer(200, "{\"status\":\"error\",\"errorMessage\":\"[Request ID: 5e1d] Server Error\"}");
		assertThatExceptionOfType(ConvexException.class)
			.isThrownBy(() -> send(transport(ConvexLoggingObservationHandler.detailed(500)), ConvexCredentials.none(),
					new Args("ada@example.com")));
		awaitLine(output, "Convex action emails:send: function_error in ");
		assertThat(output.getOut()).contains("; HTTP 200; request id 5e1d");
	}

	@Test
	void detailedPreviewsAreCutAtTheirSize(CapturedOutput output) {
		answer(200, "{\"status\":\"success\",\"value\":\"" + "y".repeat(200) + "\"}");
		send(transport(ConvexLoggingObservationHandler.detailed(20)), ConvexCredentials.none(),
				new Args("x".repeat(200)));
		awaitLine(output, "Convex action emails:send: success in ");
		assertThat(output.getOut()).contains("arguments: {\"to\": \"xxxxxxxxxxxx... (truncated)")
			.contains("result: \"yyyyyyyyyyyyyyyyyyy... (truncated)");
	}

	record Args(String to) {
	}

	@Test
	void aCallerThatLogsItselfGetsOnlyTheFunctionsLinesFromHere(CapturedOutput output) {
		answer(200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"},\"logLines\":[\"[LOG] Sending to ada\"]}");
		ConvexTransport transport = transport(ConvexLoggingObservationHandler.detailed(500));
		transport.block(transport.execute(FunctionKind.ACTION, "emails:send", null, transport.codec().javaType(Object.class),
				ConvexCredentials.none()).contextWrite((context) -> context.put(ActionLogging.class, ActionLogging.INFO)),
				FunctionKind.ACTION, "emails:send");
		awaitLine(output, "[LOG] Sending to ada");
		assertThat(output.getOut()).doesNotContain("Convex action emails:send");
	}

	@Test
	void aCallerThatSilencedAnExecutionGetsNoLineAtAll(CapturedOutput output) {
		answer(200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"},\"logLines\":[\"[LOG] Sending to ada\"]}");
		ConvexTransport transport = transport(ConvexLoggingObservationHandler.detailed(500));
		transport.block(transport.execute(FunctionKind.ACTION, "emails:send", null, transport.codec().javaType(Object.class),
				ConvexCredentials.none()).contextWrite((context) -> context.put(ActionLogging.class, ActionLogging.OFF)),
				FunctionKind.ACTION, "emails:send");
		send(transport, ConvexCredentials.none(), java.util.Map.of());
		// the second, unsilenced execution's line proves the handler was listening
		awaitLine(output, "Convex action emails:send: success");
		assertThat(output.getOut().split("Sending to ada", -1)).hasSize(2);
		assertThat(output.getOut().split("Convex action emails:send started", -1)).hasSize(2);
	}

	record Attachment(String to, byte[] file) {
	}

}
