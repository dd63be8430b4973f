package io.convexspring.client;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.convexspring.codec.Int64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ConvexTransport} against a stubbed deployment: every way a call can end besides a
 * result, cancellation, and the guard against blocking an event loop.
 */
class ConvexTransportTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final ConvexAction<Args, Result> SEND = ConvexAction.of("emails:send", Args.class, Result.class);

	private static final Args ARGS = new Args("ada@example.com");

	private static final String DEPLOY_KEY = "prod:happy-otter-123|eyJ2MiI6InNlY3JldC1kZXBsb3kta2V5In0=";

	private static final String USER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";

	private ConvexActionClient client() {
		return client(ConvexTransport.builder(convex.baseUrl()));
	}

	private ConvexActionClient client(ConvexTransport.Builder transport) {
		return new ConvexActionClient(transport.build());
	}

	private void answer(int status, String contentType, String body) {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", contentType)
			.withBody(body)));
	}

	// --- function outcomes -------------------------------------------------------------

	@Test
	void legacyStatus560IsReadLikeStatus200() {
		answer(560, "application/json", Wire.success("{\"id\":\"r1\"}"));
		assertThat(client().executeBlocking(SEND, ARGS)).isEqualTo(new Result("r1"));
	}

	@Test
	void legacyStatus560CarriesTheFunctionFailure() {
		answer(560, "application/json", Wire.failure("[Request ID: 9f2c] Server Error"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.satisfies((ex) -> assertThat(ex.requestId()).hasValue("9f2c"));
	}

	@Test
	void convexErrorWithStringDataIsAnApplicationException() {
		answer(200, "application/json",
				Wire.convexError("[Request ID: 41ab] Server Error\nUncaught ConvexError: Card declined",
						"\"Card declined\"", "[LOG] charging card", "[ERROR] declined"));
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessage("Card declined")
			.satisfies((ex) -> {
				assertThat(ex.data().stringValue()).isEqualTo("Card declined");
				assertThat(ex.data(String.class)).isEqualTo("Card declined");
				assertThat(ex.code()).isEmpty();
				assertThat(ex.requestId()).hasValue("41ab");
				assertThat(ex.logLines()).containsExactly("[LOG] charging card", "[ERROR] declined");
				assertThat(ex.httpStatus()).hasValue(200);
				assertThat(ex.functionDidNotRun()).isFalse();
				assertThat(ex.functionPath()).isEqualTo("emails:send");
				assertThat(ex.toString()).contains("Action emails:send").contains("Card declined");
			});
	}

	@Test
	void convexErrorWithObjectDataHasItsCodeAndConvertsToAType() {
		answer(200, "application/json", Wire.convexError("[Request ID: 41ab] Server Error",
				"{\"code\":\"CARD_DECLINED\",\"retryAfter\":" + Wire.int64(30) + ",\"amount\":1250}"));
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.satisfies((ex) -> {
				assertThat(ex.code()).hasValue("CARD_DECLINED");
				assertThat(ex.data(Declined.class)).isEqualTo(new Declined("CARD_DECLINED", 30, 1250.0));
				assertThat(ex.requestId()).hasValue("41ab");
				assertThat(ex.getMessage()).contains("\"code\":\"CARD_DECLINED\"");
			});
	}

	@Test
	void otherFunctionFailureKeepsTheServerMessageAndRequestId() {
		String message = "[Request ID: 7d1e0c] Server Error\nUncaught Error: boom\n    at handler (../convex/emails.ts:12:9)";
		answer(200, "application/json", Wire.failure(message, "[WARN] about to fail"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessageStartingWith("Action emails:send failed: ")
			.withMessageContaining("Uncaught Error: boom")
			.satisfies((ex) -> {
				assertThat(ex.serverMessage()).isEqualTo(message);
				assertThat(ex.requestId()).hasValue("7d1e0c");
				assertThat(ex.logLines()).containsExactly("[WARN] about to fail");
				assertThat(ex.code()).isEmpty();
				assertThat(ex.functionDidNotRun()).isFalse();
			});
	}

	@Test
	void failureFromTheReactiveCallIsTheSameException() {
		answer(200, "application/json", Wire.failure("Could not find public function for 'emails:send'"));
		Mono<Result> call = client().execute(SEND, ARGS);
		assertThatExceptionOfType(ConvexFunctionFailedException.class).isThrownBy(call::block)
			.withMessageContaining("Could not find public function");
	}

	// --- HTTP refusals -------------------------------------------------------------------

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "400, BadJsonBody, true", "404, FunctionPathNotFound, true", "429, TooManyConcurrentRequests, true",
			"500, InternalServerError, false", "503, Busy, true" })
	void refusalCarriesStatusCodeAndWhetherTheFunctionRan(int status, String code, boolean didNotRun) {
		answer(status, "application/json", Wire.refusal(code, "refused for a reason"));
		assertThatExceptionOfType(ConvexHttpException.class).isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(ConvexAuthenticationException.class);
				assertThat(ex.httpStatus()).hasValue(status);
				assertThat(ex.code()).hasValue(code);
				assertThat(ex.serverMessage()).isEqualTo("refused for a reason");
				assertThat(ex.functionDidNotRun()).isEqualTo(didNotRun);
			})
			.withMessage("Action emails:send was refused with HTTP " + status + " " + code + ": refused for a reason");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "401, InvalidAuthHeader", "401, TokenExpired", "403, BadDeployKey" })
	void credentialRefusalIsAnAuthenticationExceptionWithoutTheSecret(int status, String code) {
		answer(status, "application/json", Wire.refusal(code, "The credentials were refused"));
		ConvexActionClient admin = client(
				ConvexTransport.builder(convex.baseUrl()).credentials(ConvexCredentials.deployKey(DEPLOY_KEY)));
		for (ConvexActionClient client : new ConvexActionClient[] { admin, admin.withUserToken(USER_TOKEN) }) {
			assertThatExceptionOfType(ConvexAuthenticationException.class)
				.isThrownBy(() -> client.executeBlocking(SEND, ARGS))
				.satisfies((ex) -> {
					assertThat(ex.httpStatus()).hasValue(status);
					assertThat(ex.code()).hasValue(code);
					assertThat(ex.functionDidNotRun()).isTrue();
					assertNoSecret(ex);
				});
		}
	}

	@Test
	void serverTimeoutWithEmptyBodyIsAnHttpExceptionWithoutCode() {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(408)));
		assertThatExceptionOfType(ConvexHttpException.class).isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessage("Action emails:send was refused with HTTP 408")
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).hasValue(408);
				assertThat(ex.code()).isEmpty();
				assertThat(ex.serverMessage()).isNull();
				assertThat(ex.functionDidNotRun()).isFalse();
			});
	}

	@Test
	void proxyErrorPageIsAnHttpExceptionWithItsStatus() {
		answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
		assertThatExceptionOfType(ConvexHttpException.class).isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).hasValue(502);
				assertThat(ex.code()).isEmpty();
				assertThat(ex.functionDidNotRun()).isFalse();
			});
	}

	// --- bodies that are not the envelope ----------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			html page          | <html><body>Service Unavailable</body></html>
			truncated JSON     | {"status":"success","value":{"id":"r1"
			unknown status     | {"status":"pending","value":null}
			no status          | {"value":{"id":"r1"}}
			success, no value  | {"status":"success"}
			JSON array         | [{"status":"success","value":null}]
			malformed $integer | {"status":"success","value":{"id":"r1","n":{"$integer":"AQID"}}}
			unknown $ type     | {"status":"success","value":{"$date":"2024-01-01"}}
			""")
	void bodyThatIsNotTheEnvelopeIsAMalformedResponse(String name, String body) {
		answer(200, "application/json", body);
		assertThatExceptionOfType(ConvexMalformedResponseException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessageStartingWith("Action emails:send: the response (HTTP 200) is not a Convex function result")
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).hasValue(200);
				assertThat(ex.functionDidNotRun()).isFalse();
			});
	}

	@Test
	void emptyBodyIsAMalformedResponse() {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(200)));
		assertThatExceptionOfType(ConvexMalformedResponseException.class)
			.isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessageContaining("the body is empty");
	}

	@Test
	void connectionClosedMidBodyIsATransportFailure() throws Exception {
		try (RawHttpServer server = RawHttpServer.answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 200\r\n\r\n{\"status\":\"success\",\"val")) {
			ConvexActionClient client = client(ConvexTransport.builder(server.url()));
			assertThatExceptionOfType(ConvexTransportException.class)
				.isThrownBy(() -> client.executeBlocking(SEND, ARGS))
				.satisfies((ex) -> {
					assertThat(ex).isNotInstanceOf(ConvexMalformedResponseException.class);
					assertThat(ex.functionDidNotRun()).isFalse();
				});
		}
	}

	@Test
	void resultNotFittingTheTypeIsAResultException() {
		answer(200, "application/json", Wire.success("{\"id\":{\"nested\":true}}"));
		assertThatExceptionOfType(ConvexResultException.class).isThrownBy(() -> client().executeBlocking(SEND, ARGS))
			.withMessageStartingWith("Action emails:send succeeded, but its result at id ")
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).hasValue(200);
				assertThat(ex.functionDidNotRun()).isFalse();
			});
	}

	@Test
	void fractionalNumberForALongIsAResultException() {
		answer(200, "application/json", Wire.success("1.5"));
		ConvexAction<Void, Long> count = ConvexAction.of("orders:count", Void.class, Long.class);
		assertThatExceptionOfType(ConvexResultException.class).isThrownBy(() -> client().executeBlocking(count));
	}

	// --- size limit --------------------------------------------------------------------------

	@Test
	void bodyLargerThanTheLimitIsTooLargeAndNamesTheProperty() {
		answer(200, "application/json", Wire.success("\"" + "x".repeat(4096) + "\""));
		ConvexActionClient client = client(
				ConvexTransport.builder(convex.baseUrl()).maxResponseSize(DataSize.ofKilobytes(1)));
		assertThatExceptionOfType(ConvexResponseTooLargeException.class)
			.isThrownBy(() -> client.executeBlocking(SEND, ARGS))
			.withMessageContaining("1024 bytes")
			.withMessageContaining("convex.max-response-size")
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isFalse());
	}

	@Test
	void refusalBodyLargerThanTheLimitIsTooLarge() {
		answer(503, "text/html", "<p>" + "x".repeat(4096) + "</p>");
		ConvexActionClient client = client(
				ConvexTransport.builder(convex.baseUrl()).maxResponseSize(DataSize.ofKilobytes(1)));
		assertThatExceptionOfType(ConvexResponseTooLargeException.class)
			.isThrownBy(() -> client.executeBlocking(SEND, ARGS));
	}

	@Test
	void resultOfFifteenMebibytesDecodesWithTheDefaultLimit() {
		String text = "x".repeat(15 * 1024 * 1024);
		answer(200, "application/json", Wire.success(Wire.quote(text)));
		ConvexAction<Void, String> export = ConvexAction.of("exports:text", Void.class, String.class);
		assertThat(client().executeBlocking(export)).hasSize(text.length());
	}

	@Test
	void bytesResultOfElevenMebibytesDecodesWithTheDefaultLimit() {
		byte[] bytes = new byte[11 * 1024 * 1024];
		new java.util.Random(42).nextBytes(bytes);
		convex.stubFor(post("/api/action").willReturn(okJson(Wire.success(Wire.bytes(bytes)))));
		ConvexAction<Void, byte[]> export = ConvexAction.of("exports:bytes", Void.class, byte[].class);
		assertThat(client().executeBlocking(export)).isEqualTo(bytes);
	}

	// --- transport failures ----------------------------------------------------------------

	@Test
	void connectionRefusedIsATransportFailureBeforeTheFunctionRan() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ConvexActionClient client = client(ConvexTransport.builder("http://127.0.0.1:" + port));
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(SEND, ARGS))
			.withMessageContaining("could not connect to http://127.0.0.1:" + port)
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(ConvexTransportException.class);
				assertThat(ex.functionDidNotRun()).isTrue();
				assertThat(ex.httpStatus()).isEmpty();
			});
	}

	@Test
	void noResponseWithinTheKindsTimeoutIsATimeout() {
		convex.stubFor(post("/api/action").willReturn(okJson(Wire.success("null")).withFixedDelay(2000)));
		ConvexActionClient client = client(
				ConvexTransport.builder(convex.baseUrl()).timeout(FunctionKind.ACTION, Duration.ofMillis(250)));
		long start = System.nanoTime();
		assertThatExceptionOfType(ConvexTimeoutException.class).isThrownBy(() -> client.executeBlocking(SEND, ARGS))
			.withMessageContaining("no outcome from " + convex.baseUrl() + " (convex.action.timeout) within PT0.25S")
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isFalse());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
	}

	// --- cancellation ------------------------------------------------------------------------

	@Test
	void disposingTheSubscriptionClosesTheRequest() throws Exception {
		try (RawHttpServer server = RawHttpServer.neverAnswering()) {
			ConvexActionClient client = client(ConvexTransport.builder(server.url()));
			AtomicReference<Object> outcome = new AtomicReference<>();
			Disposable call = client.execute(SEND, ARGS).subscribe(outcome::set, outcome::set);
			assertThat(server.awaitRequest(Duration.ofSeconds(5))).startsWith("POST /api/action HTTP/1.1");
			assertThat(server.clientGaveUpWithin(Duration.ofMillis(300))).as("open before disposing").isFalse();
			call.dispose();
			assertThat(server.awaitClientGaveUp(Duration.ofSeconds(2))).isNotNull();
			assertThat(outcome.get()).isNull();
		}
	}

	@Test
	void interruptingABlockingCallCancelsItAndKeepsTheInterrupt() throws Exception {
		try (RawHttpServer server = RawHttpServer.neverAnswering()) {
			ConvexActionClient client = client(ConvexTransport.builder(server.url()));
			CompletableFuture<Throwable> thrown = new CompletableFuture<>();
			AtomicBoolean interruptKept = new AtomicBoolean();
			Thread caller = new Thread(() -> {
				try {
					client.executeBlocking(SEND, ARGS);
					thrown.complete(null);
				}
				catch (Throwable ex) {
					interruptKept.set(Thread.currentThread().isInterrupted());
					thrown.complete(ex);
				}
			}, "blocking-caller");
			caller.start();
			server.awaitRequest(Duration.ofSeconds(5));
			caller.interrupt();
			Throwable failure = thrown.get(2, TimeUnit.SECONDS);
			assertThat(failure).isInstanceOf(ConvexCancelledException.class)
				.hasMessage("Action emails:send was cancelled: the waiting thread was interrupted");
			assertThat(((ConvexCancelledException) failure).functionDidNotRun()).isFalse();
			assertThat(interruptKept).isTrue();
			assertThat(server.awaitClientGaveUp(Duration.ofSeconds(2))).isNotNull();
		}
	}

	// --- blocking guard ----------------------------------------------------------------------

	@Test
	void blockingOnANonBlockingThreadFailsFastWithoutARequest() {
		ConvexActionClient client = client();
		Mono<Result> nested = Mono.just(1).publishOn(Schedulers.parallel()).map((x) -> client.executeBlocking(SEND, ARGS));
		assertThatIllegalStateException().isThrownBy(() -> nested.block(Duration.ofSeconds(5)))
			.withMessageContaining("Action emails:send")
			.withMessageContaining("non-blocking thread 'parallel-")
			.withMessageContaining("use execute(...), which returns a Mono");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void blockingOnTheHttpClientsEventLoopFailsFast() {
		convex.stubFor(post("/api/action").willReturn(okJson(Wire.success("{\"id\":\"r1\"}"))));
		ConvexActionClient client = client();
		Mono<Result> nested = client.execute(SEND, ARGS).map((first) -> client.executeBlocking(SEND, ARGS));
		assertThatIllegalStateException().isThrownBy(() -> nested.block(Duration.ofSeconds(5)))
			.withMessageContaining("use execute(...), which returns a Mono");
		assertThat(convex.getAllServeEvents()).hasSize(1);
	}

	// --- configuration and secrets -----------------------------------------------------------

	@Test
	void secretsNeverShowInToString() {
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl())
			.credentials(ConvexCredentials.deployKey(DEPLOY_KEY))
			.build();
		ConvexActionClient admin = new ConvexActionClient(transport);
		ConvexActionClient user = admin.withUserToken(USER_TOKEN);
		ConvexMutationClient mutations = new ConvexMutationClient(transport).withUserToken(USER_TOKEN);
		ConvexQueryClient queries = new ConvexQueryClient(transport);
		for (Object value : new Object[] { transport, transport.defaultCredentials(), admin, admin.credentials(), user,
				user.credentials(), mutations, queries }) {
			assertThat(value.toString()).doesNotContain(DEPLOY_KEY)
				.doesNotContain(USER_TOKEN)
				.doesNotContain("secret")
				.doesNotContain("eyJ");
		}
		assertThat(user.toString()).contains(convex.baseUrl()).contains("USER_TOKEN");
	}

	@Test
	void deploymentUrlLosesItsTrailingSlash() {
		answer(200, "application/json", Wire.success("{\"id\":\"r1\"}"));
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl() + "/").build();
		assertThat(transport.deploymentUrl().toString()).isEqualTo(convex.baseUrl());
		assertThat(new ConvexActionClient(transport).executeBlocking(SEND, ARGS)).isEqualTo(new Result("r1"));
	}

	@Test
	void deploymentUrlWithAPathIsRefusedUnlessTheCheckIsSkipped() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexTransport.builder(convex.baseUrl() + "/convex/"))
			.withMessageContaining("it has a path ('/convex')")
			.withMessageContaining("convex.skip-deployment-url-check=true");
		convex.stubFor(post("/convex/api/action").willReturn(okJson(Wire.success("{\"id\":\"r1\"}"))));
		ConvexActionClient client = client(ConvexTransport.builder(convex.baseUrl() + "/convex/", true));
		assertThat(client.executeBlocking(SEND, ARGS)).isEqualTo(new Result("r1"));
	}

	@Test
	void secretsNeverShowInAnyFailure() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		convex.stubFor(post("/api/action").willReturn(okJson(Wire.success("{\"id\":\"r1\"}")).withFixedDelay(1000)));
		convex.stubFor(post("/html/api/action").willReturn(aResponse().withStatus(200).withBody("<html/>")));
		convex.stubFor(post("/failed/api/action").willReturn(okJson(Wire.failure("Uncaught Error: boom"))));
		convex.stubFor(post("/refused/api/action").willReturn(aResponse().withStatus(400)
			.withBody(Wire.refusal("BadJsonBody", "no"))));
		for (String url : new String[] { "http://127.0.0.1:" + closedPort, convex.baseUrl(), convex.baseUrl() + "/html",
				convex.baseUrl() + "/failed", convex.baseUrl() + "/refused" }) {
			ConvexActionClient admin = client(ConvexTransport.builder(url, true)
				.credentials(ConvexCredentials.deployKey(DEPLOY_KEY))
				.timeout(FunctionKind.ACTION, Duration.ofMillis(200)));
			for (ConvexActionClient client : new ConvexActionClient[] { admin, admin.withUserToken(USER_TOKEN) }) {
				assertThatExceptionOfType(ConvexException.class).as(url)
					.isThrownBy(() -> client.executeBlocking(SEND, ARGS))
					.satisfies(ConvexTransportTests::assertNoSecret);
			}
		}
	}

	@Test
	void builderRefusesInvalidSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexTransport.builder(null))
			.withMessageContaining("No Convex deployment URL");
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexTransport.builder("ftp://example.com"))
			.withMessageContaining("http or https");
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexTransport.builder("happy-otter-123.convex.cloud"));
		ConvexTransport.Builder builder = ConvexTransport.builder(convex.baseUrl());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.timeout(FunctionKind.QUERY, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxResponseSize(DataSize.ofBytes(0)));
	}

	private static void assertNoSecret(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(DEPLOY_KEY).doesNotContain(USER_TOKEN);
			assertThat(t.toString()).doesNotContain(DEPLOY_KEY).doesNotContain(USER_TOKEN);
			for (Throwable suppressed : t.getSuppressed()) {
				assertThat(String.valueOf(suppressed.getMessage())).doesNotContain(DEPLOY_KEY).doesNotContain(USER_TOKEN);
			}
		}
	}

	record Args(String to) {
	}

	record Result(String id) {
	}

	record Declined(String code, @Int64 long retryAfter, double amount) {
	}

}
