package io.convexspring.observation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * One observation per execution of a {@link ConvexTransport}: names, tags for every outcome, the
 * timers and in-flight long task timers Micrometer makes of it, the nested HTTP observation, a
 * custom convention, and no wrapping at all without a registry.
 */
class ConvexTransportObservationTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final Args ARGS = new Args("ada@example.com");

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private ConvexTransport.Builder transport() {
		return ConvexTransport.builder(convex.baseUrl()).observationRegistry(this.observations);
	}

	private static @Nullable Result call(ConvexTransport transport) {
		return call(transport, FunctionKind.ACTION, "emails:send");
	}

	private static @Nullable Result call(ConvexTransport transport, FunctionKind kind, String path) {
		return transport.block(execute(transport, kind, path, ARGS), kind, path);
	}

	private static Mono<Result> execute(ConvexTransport transport, FunctionKind kind, String path,
			@Nullable Object args) {
		return transport.execute(kind, path, args, transport.codec().javaType(Result.class), ConvexCredentials.none());
	}

	private static void answer(String endpoint, int status, String body) {
		convex.stubFor(post(endpoint).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body)));
	}

	private TestObservationRegistryAssert.That assertStopped(String name) {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.observations)
				.hasObservationWithNameEqualTo(name)
				.that()
				.hasBeenStopped());
		return TestObservationRegistryAssert.assertThat(this.observations).hasObservationWithNameEqualTo(name);
	}

	@Test
	void successIsObservedAsOneStoppedObservationWithItsTags() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		assertThat(call(transport().build())).isEqualTo(new Result("r1"));
		assertStopped("convex.action").that()
			.hasContextualNameEqualTo("action emails:send")
			.hasLowCardinalityKeyValue("function", "emails:send")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("convex.deployment.url", convex.baseUrl())
			.doesNotHaveHighCardinalityKeyValueWithKey("convex.request.id")
			.doesNotHaveError();
	}

	@Test
	void theContextCarriesArgumentsResultStatusAndASuccesssLogLines() {
		answer("/api/action", 200,
				"{\"status\":\"success\",\"value\":{\"id\":\"r1\"},\"logLines\":[\"[LOG] Sending\",\"[WARN] Slow\"]}");
		call(transport().build());
		assertStopped("convex.action").that().satisfies((context) -> {
			ConvexObservationContext convexContext = (ConvexObservationContext) context;
			assertThat(convexContext.getArguments()).isEqualTo(ARGS);
			assertThat(convexContext.getResult()).isEqualTo(new Result("r1"));
			assertThat(convexContext.getHttpStatus()).isEqualTo(200);
			assertThat(convexContext.getLogLines()).containsExactly("[LOG] Sending", "[WARN] Slow");
			assertThat(convexContext.getOutcome()).isEqualTo(ConvexOutcome.SUCCESS);
			assertThat(convexContext.getDuration()).isPositive();
		});
	}

	@Test
	void aConvexErrorIsTaggedConvexError() {
		answer("/api/action", 200, "{\"status\":\"error\",\"errorMessage\":\"Uncaught ConvexError\","
				+ "\"errorData\":{\"code\":\"CARD_DECLINED\"},\"logLines\":[\"[ERROR] declined\"]}");
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport().build()));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "convex_error")
			.hasLowCardinalityKeyValue("exception", "ConvexApplicationException")
			.hasError()
			.satisfies((context) -> assertThat(((ConvexObservationContext) context).getLogLines())
				.containsExactly("[ERROR] declined"));
	}

	@Test
	void aFunctionFailureIsTaggedFunctionErrorWithItsRequestIdOnTheSpan() {
		answer("/api/action", 200, "{\"status\":\"error\",\"errorMessage\":\"[Request ID: 9f2c] Server Error\"}");
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport().build()));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "function_error")
			.hasLowCardinalityKeyValue("exception", "ConvexFunctionFailedException")
			.hasHighCardinalityKeyValue("convex.request.id", "9f2c");
	}

	@ParameterizedTest
	@CsvSource({ "400, BadJsonBody, ConvexHttpException", "401, TokenExpired, ConvexAuthenticationException",
			"429, TooManyConcurrentRequests, ConvexHttpException", "503, Busy, ConvexHttpException" })
	void httpRefusalsAreTaggedHttpError(int status, String code, String exception) {
		answer("/api/action", status, "{\"code\":\"" + code + "\",\"message\":\"refused\"}");
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport().build()));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "http_error")
			.hasLowCardinalityKeyValue("exception", exception)
			.satisfies((context) -> assertThat(((ConvexObservationContext) context).getHttpStatus())
				.isEqualTo(status));
	}

	@Test
	void aTimeoutIsTaggedTransportError() {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":null}")
			.withFixedDelay(2000)));
		ConvexTransport transport = transport().timeout(FunctionKind.ACTION, Duration.ofMillis(200)).build();
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "transport_error")
			.hasLowCardinalityKeyValue("exception", "ConvexTimeoutException");
	}

	@Test
	void aBodyThatIsNotTheEnvelopeIsTaggedTransportError() {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport().build()));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "transport_error")
			.hasLowCardinalityKeyValue("exception", "ConvexMalformedResponseException");
	}

	@Test
	void argumentsThatCannotBeSentAreTaggedArgumentError() {
		ConvexTransport transport = transport().build();
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> transport
			.block(execute(transport, FunctionKind.ACTION, "emails:send", "not an object"), FunctionKind.ACTION,
					"emails:send"));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "argument_error")
			.hasLowCardinalityKeyValue("exception", "ConvexArgumentException");
		convex.verify(0, postRequestedFor(urlEqualTo("/api/action")));
	}

	@Test
	void aResultOfTheWrongShapeIsTaggedResultError() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":[1,2]}");
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> call(transport().build()));
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "result_error")
			.hasLowCardinalityKeyValue("exception", "ConvexResultException");
	}

	@Test
	void cancellingTheSubscriptionIsTaggedCancelled() {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":null}")
			.withFixedDelay(2000)));
		ConvexTransport transport = transport().build();
		Disposable call = execute(transport, FunctionKind.ACTION, "emails:send", ARGS).subscribe();
		await().untilAsserted(() -> convex.verify(1, postRequestedFor(urlEqualTo("/api/action"))));
		call.dispose();
		assertStopped("convex.action").that()
			.hasLowCardinalityKeyValue("outcome", "cancelled")
			.hasLowCardinalityKeyValue("exception", "none");
	}

	@ParameterizedTest
	@CsvSource({ "MUTATION, /api/mutation, convex.mutation, mutation orders:create",
			"QUERY, /api/query, convex.query, query orders:get" })
	void eachKindHasItsOwnName(FunctionKind kind, String endpoint, String name, String contextualName) {
		answer(endpoint, 200, "{\"status\":\"success\",\"value\":{\"id\":\"o1\"}}");
		call(transport().build(), kind, contextualName.substring(contextualName.indexOf(' ') + 1));
		assertStopped(name).that().hasContextualNameEqualTo(contextualName);
	}

	@Test
	void byDefaultTheWebClientDoesNotObserveTheCallASecondTime() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().webClientBuilder(WebClient.builder().observationRegistry(this.observations)).build());
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("convex.action");
	}

	@Test
	void theHttpClientObservationNestsUnderTheExecution() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().httpClientObservations(true).build());
		assertStopped("http.client.requests").that()
			.hasParentObservationContextMatching((parent) -> "convex.action".equals(parent.getName()));
	}

	@Test
	void theHttpClientObservationNamesTheEndpointAsItsUri() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().httpClientObservations(true).build());
		assertStopped("http.client.requests").that().hasLowCardinalityKeyValue("uri", "/api/action");
	}

	@Test
	void theHttpClientObservationOfAnApplicationsWebClientNestsUnderTheExecution() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().httpClientObservations(true)
			.webClientBuilder(WebClient.builder().observationRegistry(this.observations))
			.build());
		assertStopped("http.client.requests").that()
			.hasParentObservationContextMatching((parent) -> "convex.action".equals(parent.getName()));
	}

	@Test
	void withoutNestingTheHttpClientObservationKeepsItsOwnParent() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().httpClientObservations(true)
			.nestHttpObservations(false)
			.webClientBuilder(WebClient.builder().observationRegistry(this.observations))
			.build());
		assertStopped("http.client.requests").that().doesNotHaveParentObservation();
	}

	@Test
	void aCustomConventionRenamesAndRetags() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		call(transport().observationConvention(new DefaultConvexObservationConvention() {

			@Override
			public String getName() {
				return "billing.convex";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(ConvexObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "billing");
			}

		}).build());
		assertStopped("billing.convex").that()
			.hasLowCardinalityKeyValue("team", "billing")
			.hasLowCardinalityKeyValue("function", "emails:send");
	}

	@Test
	void aPredicateThatRefusesTheObservationLeavesTheCallAlone() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		this.observations.observationConfig().observationPredicate((name, context) -> !name.startsWith("convex."));
		assertThat(call(transport().httpClientObservations(true).build())).isEqualTo(new Result("r1"));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("http.client.requests");
	}

	@Test
	void withANoopRegistryCallsAreNotWrapped() {
		answer("/api/action", 200, "{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}");
		AtomicReference<Object> parent = new AtomicReference<>();
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl())
			.customizeWebClient((builder) -> builder.filter((request, next) -> Mono.deferContextual((view) -> {
				parent.set(((Observation) view.get(ObservationThreadLocalAccessor.KEY)).getContext()
					.getParentObservation());
				return next.exchange(request);
			})))
			.build();
		Mono<Result> call = execute(transport, FunctionKind.ACTION, "emails:send", ARGS);
		// an observed call is an ObservedExecution, which finds its parent in the subscriber's context
		assertThat(call.getClass().getSimpleName()).isNotEqualTo("ObservedExecution");
		assertThat(transport.block(call, FunctionKind.ACTION, "emails:send")).isEqualTo(new Result("r1"));
		assertThat(parent).hasNullValue();
	}

	@Test
	void micrometerMakesATimerPerOutcomeAndALongTaskTimerOfExecutionsInFlight() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}")
			.withFixedDelay(500)));
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl()).observationRegistry(registry).build();
		CompletableFuture<Result> running = execute(transport, FunctionKind.ACTION, "emails:send", ARGS).toFuture();
		await().untilAsserted(() -> assertThat(inFlight(meters)).isEqualTo(1));
		assertThat(running.join()).isEqualTo(new Result("r1"));
		await().untilAsserted(() -> assertThat(inFlight(meters)).isZero());
		Timer timer = meters.find("convex.action")
			.tags("function", "emails:send", "outcome", "success", "exception", "none")
			.timer();
		assertThat(timer).isNotNull();
		assertThat(timer.count()).isOne();
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(400);
	}

	private static int inFlight(MeterRegistry meters) {
		LongTaskTimer active = meters.find("convex.action.active").tag("function", "emails:send").longTaskTimer();
		return (active != null) ? active.activeTasks() : 0;
	}

	record Args(String to) {
	}

	record Result(String id) {
	}

}
