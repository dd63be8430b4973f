package io.convexspring.state;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexTransport;

import static io.convexspring.state.SendEmail.SEND;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ConvexActionHandle} against a stubbed deployment: its status, data and error through
 * success and failure, the stream of its states, and its blocking and safe variants.
 */
class ConvexActionHandleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ControlledBackend backend = new ControlledBackend();

	private ConvexActionClient client() {
		return new ConvexActionClient(ConvexTransport.builder(convex.baseUrl()).build(), ArgumentValidator.none());
	}

	private static void answer(String body) {
		convex.stubFor(post("/api/action").willReturn(okJson(body)));
	}

	private static String success(String valueJson) {
		return "{\"status\":\"success\",\"value\":" + valueJson + "}";
	}

	private static String failure(String message) {
		return "{\"status\":\"error\",\"errorMessage\":\"" + message + "\"}";
	}

	@Test
	void startsIdleWithoutDataOrError() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		assertThat(send.state()).isEqualTo(new ActionState<Receipt>(ActionStatus.IDLE, null, null, 0));
		assertThat(send.status()).isEqualTo(ActionStatus.IDLE);
		assertThat(send.pending()).isFalse();
		assertThat(send.data()).isNull();
		assertThat(send.error()).isNull();
		assertThat(send.action()).isSameAs(SEND);
	}

	@Test
	void goesFromIdleThroughPendingToSuccessWithTheResult() {
		answer(success("{\"id\":\"r1\"}"));
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		CompletableFuture<List<ActionState<Receipt>>> states = send.states().take(3).collectList().toFuture();
		Receipt receipt = send.execute(SendEmail.valid()).block(TIMEOUT);
		assertThat(receipt).isEqualTo(new Receipt("r1"));
		assertThat(states.join()).extracting(ActionState::status, ActionState::data, ActionState::version)
			.containsExactly(tuple(ActionStatus.IDLE, null, 0L), tuple(ActionStatus.PENDING, null, 1L),
					tuple(ActionStatus.SUCCESS, new Receipt("r1"), 2L));
		assertThat(send.status()).isEqualTo(ActionStatus.SUCCESS);
		assertThat(send.data()).isEqualTo(new Receipt("r1"));
		assertThat(send.error()).isNull();
	}

	@Test
	void goesToErrorWithTheFailureAndKeepsTheLastResult() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		answer(success("{\"id\":\"r1\"}"));
		send.executeBlocking(SendEmail.valid());
		answer(failure("mailbox full"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> send.executeBlocking(SendEmail.valid()))
			.withMessageContaining("mailbox full");
		ActionState<Receipt> state = send.state();
		assertThat(state.status()).isEqualTo(ActionStatus.ERROR);
		assertThat(state.error()).isInstanceOf(ConvexFunctionFailedException.class)
			.hasMessageContaining("mailbox full");
		assertThat(state.data()).isEqualTo(new Receipt("r1"));
		assertThat(state.version()).isEqualTo(4);
	}

	@Test
	void isPendingWhileTheRequestIsInFlightAndClearsTheLastErrorMeanwhile() throws Exception {
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client().action(SEND);
		CompletableFuture<Receipt> first = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		first.get(5, TimeUnit.SECONDS);
		CompletableFuture<Receipt> second = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().fail("boom");
		assertThat(second).failsWithin(TIMEOUT);
		assertThat(send.error()).isNotNull();

		CompletableFuture<Receipt> third = send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange exchange = this.backend.next();
		assertThat(send.pending()).isTrue();
		assertThat(send.status()).isEqualTo(ActionStatus.PENDING);
		assertThat(send.error()).isNull();
		assertThat(send.data()).isEqualTo(new Receipt("r1"));
		exchange.succeed("{\"id\":\"r3\"}");
		assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("r3"));
		assertThat(send.pending()).isFalse();
		assertThat(send.data()).isEqualTo(new Receipt("r3"));
	}

	@Test
	void aConvexNullResultCompletesEmptyAndBecomesTheData() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		answer(success("{\"id\":\"r1\"}"));
		send.executeBlocking(SendEmail.valid());
		answer(success("null"));
		assertThat(send.execute(SendEmail.valid()).hasElement().block(TIMEOUT)).isFalse();
		assertThat(send.status()).isEqualTo(ActionStatus.SUCCESS);
		assertThat(send.data()).isNull();
		assertThat(send.executeBlocking(SendEmail.valid())).isNull();
	}

	@Test
	void nothingHappensUntilTheMonoIsSubscribed() {
		answer(success("{\"id\":\"r1\"}"));
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		Mono<Receipt> execution = send.execute(SendEmail.valid());
		assertThat(send.state().version()).isZero();
		assertThat(convex.getAllServeEvents()).isEmpty();
		execution.block(TIMEOUT);
		execution.block(TIMEOUT);
		convex.verify(2, postRequestedFor(urlEqualTo("/api/action")));
		assertThat(send.state().version()).isEqualTo(4);
	}

	@Test
	void executeSafeGivesTheOutcomeAsAValue() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		answer(success("{\"id\":\"r1\"}"));
		ActionResult<Receipt> success = send.executeSafe(SendEmail.valid()).block(TIMEOUT);
		assertThat(success).isEqualTo(new ActionResult.Success<>(new Receipt("r1")));
		assertThat(success.isSuccess()).isTrue();
		assertThat(success.dataOrNull()).isEqualTo(new Receipt("r1"));
		assertThat(success.errorOrNull()).isNull();

		answer(success("null"));
		assertThat(send.executeSafe(SendEmail.valid()).block(TIMEOUT)).isEqualTo(new ActionResult.Success<>(null));

		answer(failure("boom"));
		ActionResult<Receipt> failure = send.executeSafe(SendEmail.valid()).block(TIMEOUT);
		assertThat(failure).isInstanceOf(ActionResult.Failure.class);
		assertThat(failure.isSuccess()).isFalse();
		assertThat(failure.dataOrNull()).isNull();
		assertThat(failure.errorOrNull()).isSameAs(send.error()).isInstanceOf(ConvexFunctionFailedException.class);
		assertThat(send.status()).isEqualTo(ActionStatus.ERROR);
		assertThatExceptionOfType(ConvexFunctionFailedException.class).isThrownBy(failure::orElseThrow);
	}

	@Test
	void executeSafeBlockingGivesTheOutcomeAsAValue() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		answer(success("{\"id\":\"r1\"}"));
		assertThat(send.executeSafeBlocking(SendEmail.valid()).orElseThrow()).isEqualTo(new Receipt("r1"));
		answer(failure("boom"));
		ActionResult<Receipt> outcome = send.executeSafeBlocking(SendEmail.valid());
		assertThat(outcome).isInstanceOfSatisfying(ActionResult.Failure.class,
				(failure) -> assertThat(failure.error().functionPath()).isEqualTo("emails:send"));
		assertThat(send.status()).isEqualTo(ActionStatus.ERROR);
	}

	@Test
	void statesReplaysTheCurrentStateToEachNewSubscriber() {
		answer(success("{\"id\":\"r1\"}"));
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		send.executeBlocking(SendEmail.valid());
		ActionState<Receipt> first = send.states().blockFirst(TIMEOUT);
		assertThat(first).isEqualTo(send.state());
		assertThat(first.status()).isEqualTo(ActionStatus.SUCCESS);
		assertThat(send.states().blockFirst(TIMEOUT)).isEqualTo(first);
	}

	@Test
	void statesIsSharedByAllSubscribers() {
		answer(success("{\"id\":\"r1\"}"));
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		CompletableFuture<List<ActionState<Receipt>>> one = send.states().take(3).collectList().toFuture();
		CompletableFuture<List<ActionState<Receipt>>> two = send.states().take(3).collectList().toFuture();
		send.executeBlocking(SendEmail.valid());
		assertThat(one).succeedsWithin(TIMEOUT);
		assertThat(two).succeedsWithin(TIMEOUT);
		assertThat(one.join()).isEqualTo(two.join());
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")));
	}

	@Test
	void eachHandleHasItsOwnState() {
		answer(success("{\"id\":\"r1\"}"));
		ConvexActionClient client = client();
		ConvexActionHandle<SendEmail, Receipt> one = client.action(SEND);
		ConvexActionHandle<SendEmail, Receipt> two = client.action(SEND);
		one.executeBlocking(SendEmail.valid());
		assertThat(one.status()).isEqualTo(ActionStatus.SUCCESS);
		assertThat(two.status()).isEqualTo(ActionStatus.IDLE);
	}

	@Test
	void callsThroughItsClientsCredentials() {
		answer(success("{\"id\":\"r1\"}"));
		client().withUserToken("user-jwt").action(SEND).executeBlocking(SendEmail.valid());
		convex.verify(postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
				equalTo("Bearer user-jwt")));
	}

	@Test
	void refusesToBlockAnEventLoopThreadWithoutChangingTheState() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		Mono<ActionResult<Receipt>> onEventLoop = Mono.fromCallable(() -> send.executeSafeBlocking(SendEmail.valid()))
			.subscribeOn(Schedulers.parallel());
		assertThatIllegalStateException().isThrownBy(() -> onEventLoop.block(TIMEOUT))
			.withMessageContaining("emails:send");
		assertThat(send.state().version()).isZero();
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void aFailureIsAlwaysAConvexException() {
		convex.stubFor(post("/api/action").willReturn(aResponse().withStatus(503).withBody("down")));
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		assertThatExceptionOfType(ConvexException.class).isThrownBy(() -> send.executeBlocking(SendEmail.valid()));
		assertThat(send.error()).isNotNull();
		assertThat(send.error().httpStatus()).hasValue(503);
	}

}
