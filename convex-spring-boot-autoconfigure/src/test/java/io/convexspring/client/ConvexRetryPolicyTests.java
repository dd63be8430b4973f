package io.convexspring.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConvexRetryPolicy}: what is safe to repeat, how long to wait, and the transport
 * repeating exactly that, visibly in the observation.
 */
class ConvexRetryPolicyTests {

	private static final ConvexQuery<Void, Double> COUNT = ConvexQuery.of("orders:count", Void.class, Double.class);

	private static final ConvexMutation<Void, Double> CREATE = ConvexMutation.of("orders:create", Void.class,
			Double.class);

	private static final ConvexAction<Void, Double> SEND = ConvexAction.of("emails:send", Void.class, Double.class);

	private static final ConvexRetryPolicy QUICK = ConvexRetryPolicy.of(3, Duration.ofMillis(10),
			Duration.ofMillis(50), 0.5);

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({ "ACTION, 429, TooManyConcurrentRequests, true", "MUTATION, 503, Busy, true",
			"MUTATION, 503, OptimisticConcurrencyControlFailure, true", "ACTION, 503, ExpiredInQueue, true",
			"MUTATION, 503, , false", "QUERY, 503, , true", "QUERY, 502, , true", "MUTATION, 502, , false",
			"ACTION, 500, InternalServerError, false", "QUERY, 500, InternalServerError, false",
			"QUERY, 400, BadJsonBody, false", "QUERY, 404, FunctionPathNotFound, false" })
	void refusalIsSafeToRepeatOnlyWhereTheFunctionCannotHaveRun(FunctionKind kind, int status, String code,
			boolean safe) {
		assertThat(ConvexRetryPolicy.isSafeToRetry(new ConvexHttpException(kind, "a:b", status, code, "m")))
			.isEqualTo(safe);
	}

	@Test
	void transportFailureIsSafeToRepeatForAQueryOrWhereNothingWasSent() {
		for (FunctionKind kind : FunctionKind.values()) {
			assertThat(ConvexRetryPolicy.isSafeToRetry(new ConvexTransportException(kind, "a:b", "refused", true, null)))
				.as("%s not sent", kind)
				.isTrue();
			assertThat(ConvexRetryPolicy.isSafeToRetry(new ConvexTransportException(kind, "a:b", "reset", false, null)))
				.as("%s may have run", kind)
				.isEqualTo(kind == FunctionKind.QUERY);
		}
		assertThat(ConvexRetryPolicy
			.isSafeToRetry(new ConvexMalformedResponseException(FunctionKind.QUERY, "a:b", 200, "html", null))).isFalse();
		assertThat(ConvexRetryPolicy.isSafeToRetry(new ConvexAuthenticationException(FunctionKind.QUERY, "a:b", 401,
				"TokenExpired", "m"))).isFalse();
		assertThat(ConvexRetryPolicy.isSafeToRetry(new ConvexFunctionFailedException(FunctionKind.QUERY, "a:b", "boom",
				List.of()))).isFalse();
		assertThat(ConvexRetryPolicy.isSafeToRetry(new IllegalStateException())).isFalse();
	}

	@Test
	void backoffGrowsWithJitterUpToTheMaximumAndHonoursRetryAfter() {
		ConvexRetryPolicy policy = ConvexRetryPolicy.of(5, Duration.ofMillis(100), Duration.ofMillis(300), 0.5);
		ConvexTransportException refused = new ConvexTransportException(FunctionKind.QUERY, "a:b", "x", true, null);
		for (int i = 0; i < 50; i++) {
			assertThat(policy.backoff(refused, 1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(policy.backoff(refused, 2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
			assertThat(policy.backoff(refused, 10)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
		}
		ConvexHttpException limited = new ConvexHttpException(FunctionKind.QUERY, "a:b", 429, "TooManyWrites", "m",
				Duration.ofSeconds(7));
		assertThat(policy.backoff(limited, 1)).isEqualTo(Duration.ofSeconds(7));
		assertThat(policy.shouldRetry(limited, 4)).isTrue();
		assertThat(policy.shouldRetry(limited, 5)).isFalse();
		assertThat(ConvexRetryPolicy.none().shouldRetry(limited, 1)).isFalse();
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDate() {
		assertThat(Failures.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(Failures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(Failures.retryAfter("soon")).isNull();
		assertThat(Failures.retryAfter(null)).isNull();
	}

	@Test
	void reactorRetryRepeatsOnlyWhatIsSafe() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> refusedTwice = Mono.defer(() -> (attempts.incrementAndGet() < 3)
				? Mono.error(new ConvexHttpException(FunctionKind.MUTATION, "a:b", 429, "TooManyWrites", "m"))
				: Mono.just("ok"));
		assertThat(refusedTwice.retryWhen(QUICK.toReactorRetry()).block(Duration.ofSeconds(5))).isEqualTo("ok");
		AtomicInteger failed = new AtomicInteger();
		Mono<String> ran = Mono.defer(() -> {
			failed.incrementAndGet();
			return Mono.error(new ConvexHttpException(FunctionKind.MUTATION, "a:b", 500, null, null));
		});
		assertThatExceptionOfType(ConvexHttpException.class)
			.isThrownBy(() -> ran.retryWhen(QUICK.toReactorRetry()).block(Duration.ofSeconds(5)));
		assertThat(failed).hasValue(1);
	}

	// --- the transport -----------------------------------------------------------------

	private static ConvexTransport.Builder transport(String url) {
		return ConvexTransport.builder(url).retryPolicy(QUICK);
	}

	private static ScriptedHttpServer.Answer status(int status, String code, String extraHeader) {
		String body = Wire.refusal(code, "refused");
		return ScriptedHttpServer.raw("HTTP/1.1 " + status + " Refused\r\nContent-Type: application/json\r\n"
				+ extraHeader + "Content-Length: " + body.length() + "\r\n\r\n" + body);
	}

	@Test
	void refusedBeforeRunningIsRepeatedAndShowsAsAnObservationEvent() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				events.add(event.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(status(429, "TooManyConcurrentMutations", ""),
				status(503, "Busy", ""), ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexMutationClient client = new ConvexMutationClient(
					transport(server.url()).observationRegistry(registry).build());
			ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
				.getLogger(ConvexRetryPolicy.class);
			ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> debug = new ch.qos.logback.core.read.ListAppender<>();
			debug.start();
			logger.addAppender(debug);
			ch.qos.logback.classic.Level level = logger.getLevel();
			logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
			try {
				assertThat(client.executeBlocking(CREATE)).isEqualTo(1.0);
			}
			finally {
				logger.setLevel(level);
				logger.detachAppender(debug);
			}
			assertThat(server.requests()).isEqualTo(3);
			assertThat(events).containsExactly("convex.retry", "convex.retry");
			assertThat(debug.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
				.satisfiesExactly(
						(line) -> assertThat(line).startsWith("Retrying (attempt 2 of 3) in ")
							.contains("Mutation orders:create was refused with HTTP 429 TooManyConcurrentMutations"),
						(line) -> assertThat(line).startsWith("Retrying (attempt 3 of 3) in ")
							.contains("HTTP 503 Busy"));
		}
	}

	@Test
	void retryAfterIsWaitedFor() throws Exception {
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(
				status(429, "TooManyInflightActionsForSingleClient", "Retry-After: 1\r\n"),
				ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexActionClient client = new ConvexActionClient(transport(server.url()).build());
			long start = System.nanoTime();
			assertThat(client.executeBlocking(SEND)).isEqualTo(1.0);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		}
	}

	@Test
	void mutationOrActionThatMayHaveRunIsNeverRepeated() throws Exception {
		// the connection breaks mid-body: the function ran, or may have
		ScriptedHttpServer.Answer broken = ScriptedHttpServer.thenClose(ScriptedHttpServer
			.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"sta"));
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(broken, ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexMutationClient client = new ConvexMutationClient(transport(server.url()).build());
			assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(CREATE))
				.withMessageContaining("closed before the response was complete")
				.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isFalse());
			assertThat(server.requests()).isEqualTo(1);
		}
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(status(500, "InternalServerError", ""),
				ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexActionClient client = new ConvexActionClient(transport(server.url()).build());
			assertThatExceptionOfType(ConvexHttpException.class).isThrownBy(() -> client.executeBlocking(SEND));
			assertThat(server.requests()).isEqualTo(1);
		}
	}

	@Test
	void queryIsRepeatedAfterATransportFailure() throws Exception {
		ScriptedHttpServer.Answer broken = ScriptedHttpServer.thenClose(ScriptedHttpServer
			.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"sta"));
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(broken, ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexQueryClient client = new ConvexQueryClient(transport(server.url()).build());
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			assertThat(server.requests()).isEqualTo(2);
		}
	}

	@Test
	void connectionRefusedIsRepeatedUpToTheMaximum() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<Integer> attempts = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				attempts.add(((io.convexspring.observation.ConvexObservationContext) context).getRetries());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof io.convexspring.observation.ConvexObservationContext;
			}
		});
		ConvexActionClient client = new ConvexActionClient(
				transport("http://127.0.0.1:" + port).observationRegistry(registry).build());
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(SEND))
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());
		assertThat(attempts).containsExactly(1, 2);
	}

}
