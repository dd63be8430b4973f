package io.convexspring.test.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexInt64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP function API over real HTTP with the JDK client and hand-written bodies: envelopes,
 * log lines, the lossless encoding, failures worded as the backend words them, and refusals with
 * their status and code.
 */
class HttpFunctionApiTests {

	private static final String REQUEST_ID = "^\\[Request ID: [0-9a-f]{16}] Server Error\\n";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static LocalConvexDeployment deployment;

	/** Typed arguments: {@code qty} is an int64 on the wire. */
	record Order(String sku, long qty) {
	}

	@BeforeAll
	static void start() {
		deployment = LocalConvexDeployment.builder()
			.query("orders:total", (call) -> {
				Order order = call.args(Order.class);
				call.info("pricing " + order.sku());
				return Map.of("sku", order.sku(), "total", ConvexInt64.of(order.qty() * 3));
			})
			.mutation("orders:clear", (call) -> null)
			.action("emails:send", (call) -> {
				throw new ConvexErrorException("no such address");
			})
			.action("emails:crash", (call) -> {
				call.log("about to crash");
				throw new IllegalStateException("provider down");
			})
			.action("limits:busy", (call) -> {
				throw new RequestRefusedException(429, "TooManyConcurrentRequests", "Too many requests");
			})
			.action("net:drop", (call) -> {
				throw new ConnectionDroppedException();
			})
			.query("auth:whoami", (call) -> call.identity().kind().name())
			.tokenVerifier((identity) -> {
				if ("expired".equals(identity.token())) {
					throw new RequestRefusedException(401, "TokenExpired", "The token has expired");
				}
			})
			.backendVersion("test-backend-1.2.3")
			.instanceName("unit")
			.start();
	}

	@AfterAll
	static void stop() {
		deployment.close();
	}

	@Test
	void urlIsLoopbackWithTheBoundPort() {
		assertThat(deployment.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
	}

	@Test
	void successCarriesTheEncodedValueAndLogLines() {
		JsonNode body = call("query", "orders:total", "[{\"sku\":\"A-1\",\"qty\":{\"$integer\":\"AgAAAAAAAAA=\"}}]");
		assertThat(body).isEqualTo(json("{\"status\":\"success\",\"value\":{\"sku\":\"A-1\",\"total\":"
				+ "{\"$integer\":\"BgAAAAAAAAA=\"}},\"logLines\":[\"[INFO] pricing A-1\"]}"));
	}

	@Test
	void nullResultWithoutLogLinesLeavesLogLinesOut() {
		assertThat(call("mutation", "orders:clear", "[{}]")).isEqualTo(json("{\"status\":\"success\",\"value\":null}"));
	}

	@Test
	void convexErrorCarriesItsDataAndTheBackendsMessage() {
		JsonNode body = call("action", "emails:send", "[{}]");
		assertThat(body.get("status").stringValue()).isEqualTo("error");
		assertThat(body.get("errorData")).isEqualTo(json("\"no such address\""));
		assertThat(body.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "Uncaught ConvexError: no such address$");
	}

	@Test
	void uncaughtErrorHasAMessageAndAStackFrameButNoData() {
		JsonNode body = call("action", "emails:crash", "[{}]");
		assertThat(body.has("errorData")).isFalse();
		assertThat(body.get("errorMessage").stringValue()).containsPattern(
				REQUEST_ID + "Uncaught Error: provider down\\n    at handler \\(\\.\\./convex/emails\\.ts:12:9\\)$");
		assertThat(body.get("logLines")).isEqualTo(json("[\"[LOG] about to crash\"]"));
	}

	@Test
	void argumentsThatDoNotFitTheTypeFailValidation() {
		JsonNode body = call("query", "orders:total", "[{\"sku\":\"A-1\",\"qty\":\"many\"}]");
		assertThat(body.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "ArgumentValidationError: ");
	}

	@Test
	void unknownFunctionAndWrongKindAreFunctionFailures() {
		assertThat(call("query", "orders:nothing", "[{}]").get("errorMessage").stringValue()).containsPattern(REQUEST_ID
				+ "Could not find public function for 'orders:nothing'\\. Did you forget to run `npx convex dev` or `npx convex deploy`\\?$");
		assertThat(call("mutation", "orders:total", "[{}]").get("errorMessage").stringValue())
			.endsWith("Trying to execute orders:total as Mutation, but it is defined as Query.");
	}

	@Test
	void handlerRefusalIsAnsweredWithItsStatusAndCode() {
		assertRefused(post("action", body("limits:busy", "[{}]"), "Content-Type", "application/json",
				"Convex-Client", "java-1.0.0"), 429, "TooManyConcurrentRequests");
	}

	@Test
	void droppedConnectionGetsNoAnswer() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> HTTP.send(request("action",
				body("net:drop", "[{}]"), "Content-Type", "application/json", "Convex-Client", "java-1.0.0"),
				HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void missingContentTypeIsBadJsonBody() {
		assertRefused(post("query", body("auth:whoami", "[{}]"), "Convex-Client", "java-1.0.0"), 400, "BadJsonBody");
	}

	@ParameterizedTest
	@ValueSource(strings = { "java", "1.0.0", "java-1.2", "java-v1.2.3" })
	void convexClientWithoutSemverIsInvalidClientVersion(String client) {
		assertRefused(post("query", body("auth:whoami", "[{}]"), "Content-Type", "application/json", "Convex-Client",
				client), 400, "InvalidClientVersion");
	}

	@Test
	void bodyThatIsNotJsonIsBadJsonBody() {
		assertRefused(post("query", "<html>", "Content-Type", "application/json", "Convex-Client", "java-1.0.0"), 400,
				"BadJsonBody");
	}

	@Test
	void argsTheOfficialDecoderRefusesAreBadJsonBody() {
		assertRefused(post("query", body("auth:whoami", "[{\"n\":{\"$integer\":\"AAA=\"}}]"), "Content-Type",
				"application/json", "Convex-Client", "java-1.0.0"), 400, "BadJsonBody");
	}

	@Test
	void malformedPathIsBadConvexFunctionIdentifier() {
		assertRefused(post("query", body("auth:9who", "[{}]"), "Content-Type", "application/json", "Convex-Client",
				"java-1.0.0"), 400, "BadConvexFunctionIdentifier");
	}

	@Test
	void otherFormatIsBadFormat() {
		assertRefused(post("query", "{\"path\":\"auth:whoami\",\"args\":[{}],\"format\":\"json\"}", "Content-Type",
				"application/json", "Convex-Client", "java-1.0.0"), 400, "BadFormat");
	}

	@Test
	void identityComesFromTheAuthorizationHeaderAndTheVerifierDecides() {
		assertThat(call("query", "auth:whoami", "[{}]").get("value").stringValue()).isEqualTo("ANONYMOUS");
		assertThat(json(post("query", body("auth:whoami", "[{}]"), "Content-Type", "application/json",
				"Convex-Client", "java-1.0.0", "Authorization", "Bearer eyJ.e30.sig").body()).get("value").stringValue())
			.isEqualTo("USER");
		assertThat(json(post("query", body("auth:whoami", "{}"), "Content-Type", "application/json",
				"Convex-Client", "java-1.0.0", "Authorization", "Convex prod:key|abc").body()).get("value").stringValue())
			.isEqualTo("ADMIN");
		assertRefused(post("query", body("auth:whoami", "[{}]"), "Content-Type", "application/json", "Convex-Client",
				"java-1.0.0", "Authorization", "Bearer expired"), 401, "TokenExpired");
		assertRefused(post("query", body("auth:whoami", "[{}]"), "Content-Type", "application/json", "Convex-Client",
				"java-1.0.0", "Authorization", "Basic dXNlcjpwdw=="), 401, "InvalidAuthHeader");
	}

	@Test
	void unknownRoutesAndMethodsAreRefused() throws Exception {
		assertThat(post("run", body("auth:whoami", "[{}]"), "Content-Type", "application/json").statusCode()).isEqualTo(404);
		HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(deployment.url() + "/api/query")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
	}

	@Test
	void healthEndpointsAnswerVersionAndInstanceName() throws Exception {
		assertThat(get("/version")).isEqualTo("test-backend-1.2.3");
		assertThat(get("/instance_name")).isEqualTo("unit");
	}

	@Test
	void fallbackAnswersEveryUnregisteredPathWithTheKindItWasCalledAs() {
		try (LocalConvexDeployment scripted = LocalConvexDeployment.builder()
			.fallback((call) -> List.of(call.kind().name(), call.path()))
			.start()) {
			HttpResponse<String> response = send(scripted, "mutation", body("anything/deep:fn", "[{}]"));
			assertThat(json(response.body()).get("value")).isEqualTo(json("[\"MUTATION\",\"anything/deep:fn\"]"));
		}
	}

	private static HttpResponse<String> send(LocalConvexDeployment target, String kind, String body) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(target.url() + "/api/" + kind))
				.header("Content-Type", "application/json")
				.header("Convex-Client", "java-1.0.0")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode call(String kind, String path, String args) {
		HttpResponse<String> response = post(kind, body(path, args), "Content-Type", "application/json",
				"Convex-Client", "npm-1.48.0");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return json(response.body());
	}

	private static String body(String path, String args) {
		return "{\"path\":\"" + path + "\",\"args\":" + args + ",\"format\":\"convex_encoded_json\"}";
	}

	private static HttpResponse<String> post(String kind, String body, String... headers) {
		try {
			return HTTP.send(request(kind, body, headers), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest request(String kind, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deployment.url() + "/api/" + kind))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request.build();
	}

	private static String get(String path) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(deployment.url() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static void assertRefused(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = json(response.body());
		assertThat(body.get("code").stringValue()).isEqualTo(code);
		assertThat(body.get("message").stringValue()).isNotBlank();
	}

	private static JsonNode json(String text) {
		return RawSyncClient.JSON.readTree(text);
	}

}
