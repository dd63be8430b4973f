package io.convexspring.sample.demo;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo backend as a protocol peer, over real HTTP: request refusals with their status and
 * code, function-level failures as 200s, the lossless encoding both ways, health endpoints and
 * concurrent calls.
 */
class DemoConvexBackendProtocolTests {

	private static final String REQUEST_ID = "^\\[Request ID: [0-9a-f]{16}] Server Error\\n";

	private static final String EMAIL = DemoHttp.requestBody("emails:send",
			List.of(Map.of("to", "ada@example.com", "subject", "Hi", "body", "Hello")));

	private static DemoConvexBackend backend;

	private static DemoHttp http;

	@BeforeAll
	static void startBackend() {
		backend = DemoConvexBackend.start(0, new DemoSettings(Duration.ofMillis(50)));
		http = new DemoHttp(backend.url());
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void urlIsLoopbackWithTheBoundPort() {
		assertThat(backend.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
	}

	@Test
	void missingContentTypeIsRefusedAsBadJsonBody() {
		assertRefused(http.post("action", EMAIL, "Convex-Client", DemoHttp.CLIENT), 400, "BadJsonBody");
	}

	@Test
	void bodyThatIsNotJsonIsRefusedAsBadJsonBody() {
		assertRefused(post("action", "<html>oops</html>"), 400, "BadJsonBody");
	}

	@ParameterizedTest
	@ValueSource(strings = { "java-spring", "0.1.0", "java-spring-1.2", "java-spring-v1.2.3" })
	void convexClientWithoutSemverIsRefusedAsInvalidClientVersion(String client) {
		assertRefused(http.post("action", EMAIL, "Content-Type", "application/json", "Convex-Client", client), 400,
				"InvalidClientVersion");
	}

	@Test
	void missingConvexClientIsRefusedAsInvalidClientVersion() {
		assertRefused(http.post("action", EMAIL, "Content-Type", "application/json"), 400, "InvalidClientVersion");
	}

	@ParameterizedTest
	@ValueSource(strings = { "npm-1.48.0", "python-0.7.0", "java-spring-0.1.0-SNAPSHOT", "rust-0.10.4-beta.1" })
	void convexClientWithSemverIsAccepted(String client) {
		HttpResponse<String> response = http.post("action", EMAIL, "Content-Type", "application/json; charset=utf-8",
				"Convex-Client", client);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(DemoHttp.JSON.readTree(response.body()).get("status").stringValue()).isEqualTo("success");
	}

	@Test
	void expiredTokenIsRefusedWith401TokenExpired() {
		assertRefused(post("action", EMAIL, "Authorization", "Bearer expired"), 401, "TokenExpired");
	}

	@Test
	void anyOtherBearerTokenIsAccepted() {
		assertThat(post("action", EMAIL, "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig").statusCode())
			.isEqualTo(200);
	}

	@Test
	void badDeployKeyIsRefusedWith403BadDeployKey() {
		assertRefused(post("action", EMAIL, "Authorization", "Convex bad-key"), 403, "BadDeployKey");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Convex prod:demo|abc123", "Convex demo-key:eyJzdWJqZWN0IjoidXNlciJ9" })
	void deployKeyIsAcceptedWithOrWithoutActingIdentity(String authorization) {
		assertThat(post("action", EMAIL, "Authorization", authorization).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownAuthorizationSchemeIsRefusedWith401() {
		assertRefused(post("action", EMAIL, "Authorization", "Basic dXNlcjpwdw=="), 401, "InvalidAuthHeader");
	}

	@Test
	void formatOtherThanConvexEncodedJsonIsRefusedAsBadFormat() {
		String body = "{\"path\":\"emails:send\",\"args\":[{\"to\":\"a@b.c\",\"subject\":\"s\",\"body\":\"b\"}],\"format\":\"json\"}";
		assertRefused(post("action", body), 400, "BadFormat");
	}

	@Test
	void missingFormatAndBareObjectArgsAreAccepted() {
		String body = "{\"path\":\"emails:send\",\"args\":{\"to\":\"a@b.c\",\"subject\":\"s\",\"body\":\"b\"}}";
		assertThat(json(post("action", body)).get("value").get("to").stringValue()).isEqualTo("a@b.c");
	}

	@Test
	void malformedFunctionPathIsRefusedAsBadConvexFunctionIdentifier() {
		assertRefused(post("action", DemoHttp.requestBody("emails:9send", List.of(Map.of()))), 400,
				"BadConvexFunctionIdentifier");
	}

	@Test
	void unknownApiRouteIs404() {
		assertThat(post("run", EMAIL).statusCode()).isEqualTo(404);
	}

	@Test
	void unknownFunctionIsAFunctionFailureNamingThePath() {
		JsonNode result = http.call("action", "emails:sendLater", Map.of());
		assertThat(result.get("status").stringValue()).isEqualTo("error");
		assertThat(result.has("errorData")).isFalse();
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID
				+ "Could not find public function for 'emails:sendLater'\\. Did you forget to run `npx convex dev` or `npx convex deploy`\\?$");
	}

	@Test
	void callingAnActionThroughTheQueryEndpointNamesBothKinds() {
		JsonNode result = http.call("query", "emails:send", Map.of("to", "a@b.c", "subject", "s", "body", "b"));
		assertThat(result.get("errorMessage").stringValue()).containsPattern(
				REQUEST_ID + "Trying to execute emails:send as Query, but it is defined as Action\\.$");
	}

	@Test
	void callingAQueryThroughTheMutationEndpointNamesBothKinds() {
		JsonNode result = http.call("mutation", "orders:list", Map.of());
		assertThat(result.get("errorMessage").stringValue())
			.endsWith("Trying to execute orders:list as Mutation, but it is defined as Query.");
	}

	@Test
	void missingRequiredArgumentFailsValidationNamingTheField() {
		JsonNode result = http.call("action", "emails:send", Map.of("to", "a@b.c", "body", "b"));
		assertThat(result.get("status").stringValue()).isEqualTo("error");
		assertThat(result.has("errorData")).isFalse();
		assertThat(result.get("errorMessage").stringValue()).containsPattern(
				REQUEST_ID + "ArgumentValidationError: Object is missing the required field `subject`");
	}

	@Test
	void wrongArgumentTypeFailsValidationNamingFieldValueAndValidator() {
		JsonNode result = http.call("action", "emails:send", Map.of("to", 42, "subject", "s", "body", "b"));
		assertThat(result.get("errorMessage").stringValue())
			.containsPattern(REQUEST_ID + "ArgumentValidationError: Value does not match validator\\.")
			.contains("Path: .to", "Value: 42.0", "Validator: v.string()");
	}

	@Test
	void extraArgumentFailsValidationNamingTheField() {
		JsonNode result = http.call("action", "emails:send",
				Map.of("to", "a@b.c", "subject", "s", "body", "b", "cc", "x@y.z"));
		assertThat(result.get("errorMessage").stringValue())
			.containsPattern(REQUEST_ID + "ArgumentValidationError: Object contains extra field `cc`");
	}

	@Test
	void nullForAnOptionalArgumentFailsValidationAsInConvex() {
		String body = "{\"path\":\"ai:generateImage\",\"args\":[{\"prompt\":\"a cat\",\"size\":null}],\"format\":\"convex_encoded_json\"}";
		assertThat(json(post("action", body)).get("errorMessage").stringValue())
			.contains("ArgumentValidationError: ", "Path: .size", "Value: null");
	}

	@Test
	void int64BeyondDoublePrecisionRoundTripsExactly() {
		long quantity = (1L << 53) + 1;
		JsonNode saved = http.call("mutation", "orders:save", Map.of("chargeId", "ch_int64", "amountCents", 1,
				"currency", "usd", "items", List.of(Map.of("sku", "BIG", "quantity", DemoHttp.int64(quantity)))));
		JsonNode order = findOrder(saved.get("value").stringValue());
		assertThat(order.get("items").get(0).get("quantity"))
			.isEqualTo(DemoHttp.JSON.readTree("{\"$integer\":\"AQAAAAAAIAA=\"}"));
		assertThat(DemoHttp.int64(order.get("items").get(0).get("quantity"))).isEqualTo(quantity);
	}

	@Test
	void bytesArriveIntactAsTheHashShows() throws Exception {
		byte[] every = new byte[256];
		IntStream.range(0, 256).forEach((i) -> every[i] = (byte) i);
		JsonNode value = http.call("action", "files:process",
				Map.of("fileName", "all.bin", "contentType", "application/octet-stream", "content", DemoHttp.bytes(every)))
			.get("value");
		assertThat(value.get("sha256").stringValue())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(every)));
	}

	@Test
	void specialFloatsTravelAsFloatBothWays() {
		Map<String, String> negativeZero = Map.of("$float", "AAAAAAAAAIA=");
		JsonNode saved = http.call("mutation", "orders:save",
				Map.of("chargeId", "ch_float", "amountCents", negativeZero, "currency", "usd", "items", List.of()));
		assertThat(findOrder(saved.get("value").stringValue()).get("amountCents"))
			.isEqualTo(DemoHttp.JSON.valueToTree(negativeZero));
		JsonNode nan = http.call("action", "payments:charge",
				Map.of("amountCents", Map.of("$float", "AAAAAAAA+H8="), "currency", "usd", "cardToken", "tok_visa"));
		assertThat(nan.get("errorData").get("code").stringValue()).isEqualTo("INVALID_AMOUNT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"$integer\":\"AAAAAAAAAA==\"}", "{\"$integer\":5}", "{\"$float\":\"AAAAAAAA+D8=\"}",
			"{\"$set\":[]}", "{\"$weird\":1,\"other\":2}" })
	void argsTheOfficialDecoderRefusesAreRefusedAsBadJsonBody(String badValue) {
		String body = "{\"path\":\"orders:list\",\"args\":[{\"limit\":" + badValue + "}],\"format\":\"convex_encoded_json\"}";
		assertRefused(post("query", body), 400, "BadJsonBody");
	}

	@Test
	void healthEndpointsAnswerVersionAndInstanceName() {
		HttpResponse<String> version = http.get("/version");
		assertThat(version.statusCode()).isEqualTo(200);
		assertThat(version.body()).isEqualTo("demo-backend-1.0.0");
		assertThat(http.get("/instance_name").body()).isEqualTo("demo");
	}

	@Test
	void slowReportDoesNotBlockAnEmail() throws Exception {
		try (DemoConvexBackend slow = DemoConvexBackend.start(0, new DemoSettings(Duration.ofSeconds(10)))) {
			DemoHttp slowHttp = new DemoHttp(slow.url());
			CompletableFuture<HttpResponse<String>> report = slowHttp.callAsync("action", "reports:generate",
					Map.of("reportType", "sales"));
			long started = System.nanoTime();
			JsonNode email = slowHttp.call("action", "emails:send", Map.of("to", "a@b.c", "subject", "s", "body", "b"));
			assertThat(email.get("status").stringValue()).isEqualTo("success");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(report).isNotDone();
		}
	}

	@Test
	void concurrentReportsRunInParallel() {
		try (DemoConvexBackend slow = DemoConvexBackend.start(0, new DemoSettings(Duration.ofMillis(400)))) {
			DemoHttp slowHttp = new DemoHttp(slow.url());
			long started = System.nanoTime();
			List<CompletableFuture<HttpResponse<String>>> reports = IntStream.range(0, 4)
				.mapToObj((i) -> slowHttp.callAsync("action", "reports:generate", Map.of("reportType", "users")))
				.toList();
			reports.forEach((report) -> assertThat(DemoHttp.JSON.readTree(report.join().body()).get("status").stringValue())
				.isEqualTo("success"));
			// One after another they would take 1.6 s.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
		}
	}

	private static JsonNode findOrder(String id) {
		JsonNode orders = http.call("query", "orders:list", Map.of("limit", 1000)).get("value");
		return orders.valueStream().filter((order) -> order.get("_id").stringValue().equals(id)).findFirst().orElseThrow();
	}

	private static HttpResponse<String> post(String kind, String body, String... extraHeaders) {
		String[] headers = new String[4 + extraHeaders.length];
		headers[0] = "Content-Type";
		headers[1] = "application/json";
		headers[2] = "Convex-Client";
		headers[3] = DemoHttp.CLIENT;
		System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
		return http.post(kind, body, headers);
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return DemoHttp.JSON.readTree(response.body());
	}

	private static void assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = DemoHttp.JSON.readTree(response.body());
		assertThat(body.get("code").stringValue()).isEqualTo(code);
		assertThat(body.get("message").stringValue()).isNotBlank();
	}

}
