package io.convexspring.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexTransport;

import static io.convexspring.state.SendEmail.SEND;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConvexActionHandle} with executions that overlap, are reset away or cancelled: the
 * state follows the latest execution started, and nothing older ever overwrites it.
 */
class ConvexActionHandleConcurrencyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ControlledBackend backend = new ControlledBackend();

	private final ConvexActionHandle<SendEmail, Receipt> send = this.backend.client().action(SEND);

	@Test
	void anOlderExecutionFinishingLateDoesNotOverwriteANewerOne() throws Exception {
		CompletableFuture<Receipt> older = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange olderExchange = this.backend.next();
		CompletableFuture<Receipt> newer = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange newerExchange = this.backend.next();

		newerExchange.succeed("{\"id\":\"newer\"}");
		assertThat(newer.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("newer"));
		ActionState<Receipt> settled = this.send.state();
		assertThat(settled.status()).isEqualTo(ActionStatus.SUCCESS);

		olderExchange.fail("too late");
		assertThat(older).failsWithin(TIMEOUT);
		assertThat(this.send.state()).isSameAs(settled);
		assertThat(this.send.data()).isEqualTo(new Receipt("newer"));
		assertThat(this.send.error()).isNull();
	}

	@Test
	void anOlderExecutionFinishingFirstLeavesTheNewerOnePending() throws Exception {
		CompletableFuture<Receipt> older = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange olderExchange = this.backend.next();
		CompletableFuture<Receipt> newer = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange newerExchange = this.backend.next();

		olderExchange.succeed("{\"id\":\"older\"}");
		assertThat(older.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("older"));
		assertThat(this.send.pending()).isTrue();
		assertThat(this.send.data()).isNull();

		newerExchange.fail("boom");
		assertThat(newer).failsWithin(TIMEOUT);
		assertThat(this.send.status()).isEqualTo(ActionStatus.ERROR);
		assertThat(this.send.error()).isInstanceOf(ConvexFunctionFailedException.class).hasMessageContaining("boom");
		assertThat(this.send.data()).isNull();
	}

	@Test
	void overlappingExecutionsAgainstADeploymentWithDifferentDelays() {
		convex.stubFor(post("/api/action").withRequestBody(matchingJsonPath("$.args[0].subject", equalTo("slow")))
			.willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"slow\"}}").withFixedDelay(600)));
		convex.stubFor(post("/api/action").withRequestBody(matchingJsonPath("$.args[0].subject", equalTo("fast")))
			.willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"fast\"}}").withFixedDelay(20)));
		ConvexActionHandle<SendEmail, Receipt> handle = new ConvexActionClient(
				ConvexTransport.builder(convex.baseUrl()).build(), ArgumentValidator.none())
			.action(SEND);
		List<ActionStatus> statuses = Collections.synchronizedList(new ArrayList<>());
		Disposable watching = handle.states().subscribe((state) -> statuses.add(state.status()));

		CompletableFuture<Receipt> slow = handle.execute(new SendEmail("ada@example.com", "slow")).toFuture();
		CompletableFuture<Receipt> fast = handle.execute(new SendEmail("ada@example.com", "fast")).toFuture();

		assertThat(fast).succeedsWithin(TIMEOUT).isEqualTo(new Receipt("fast"));
		assertThat(slow).succeedsWithin(TIMEOUT).isEqualTo(new Receipt("slow"));
		assertThat(handle.data()).isEqualTo(new Receipt("fast"));
		assertThat(handle.state().version()).isEqualTo(3);
		assertThat(statuses).as("the slow result, settled after the fast one, changes nothing")
			.containsExactly(ActionStatus.IDLE, ActionStatus.PENDING, ActionStatus.PENDING, ActionStatus.SUCCESS);
		watching.dispose();
	}

	@Test
	void resetClearsStatusErrorAndData() throws Exception {
		CompletableFuture<Receipt> first = this.send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		first.get(5, TimeUnit.SECONDS);
		CompletableFuture<Receipt> second = this.send.execute(SendEmail.valid()).toFuture();
		this.backend.next().fail("boom");
		assertThat(second).failsWithin(TIMEOUT);
		assertThat(this.send.data()).isNotNull();
		assertThat(this.send.error()).isNotNull();

		this.send.reset();
		ActionState<Receipt> state = this.send.state();
		assertThat(state.status()).isEqualTo(ActionStatus.IDLE);
		assertThat(state.error()).isNull();
		assertThat(state.data()).isNull();
		assertThat(state.version()).isEqualTo(5);
	}

	@Test
	void resetDetachesAnExecutionInFlightWhoseCallerStillGetsItsResult() throws Exception {
		CompletableFuture<Receipt> inFlight = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange exchange = this.backend.next();
		assertThat(this.send.pending()).isTrue();

		this.send.reset();
		assertThat(this.send.status()).isEqualTo(ActionStatus.IDLE);
		ActionState<Receipt> afterReset = this.send.state();

		exchange.succeed("{\"id\":\"late\"}");
		assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("late"));
		assertThat(this.send.state()).isSameAs(afterReset);
		assertThat(this.send.data()).isNull();
	}

	@Test
	void resetDetachesAFailingExecutionInFlight() {
		CompletableFuture<Receipt> inFlight = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange exchange = this.backend.next();
		this.send.reset();
		exchange.fail("boom");
		assertThat(inFlight).failsWithin(TIMEOUT);
		assertThat(this.send.status()).isEqualTo(ActionStatus.IDLE);
		assertThat(this.send.error()).isNull();
	}

	@Test
	void anExecutionStartedAfterResetSettlesTheStateAgain() throws Exception {
		CompletableFuture<Receipt> detached = this.send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange detachedExchange = this.backend.next();
		this.send.reset();
		CompletableFuture<Receipt> current = this.send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"current\"}");
		assertThat(current.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("current"));
		detachedExchange.succeed("{\"id\":\"detached\"}");
		detached.get(5, TimeUnit.SECONDS);
		assertThat(this.send.data()).isEqualTo(new Receipt("current"));
	}

	@Test
	void cancellingTheLatestExecutionSettlesItAsCancelledAndCancelsTheRequest() {
		AtomicReference<Object> onError = new AtomicReference<>();
		ConvexActionHandle<SendEmail, Receipt> handle = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onError((error, args) -> onError.set(error)));
		Disposable subscription = handle.execute(SendEmail.valid()).subscribe();
		ControlledBackend.Exchange exchange = this.backend.next();
		subscription.dispose();
		assertThat(handle.status()).isEqualTo(ActionStatus.ERROR);
		assertThat(handle.error()).isInstanceOf(ConvexCancelledException.class).hasMessageContaining("emails:send");
		assertThat(onError.get()).isSameAs(handle.error());
		assertThat(exchange.cancelled()).isTrue();
	}

	@Test
	void manyConcurrentExecutionsChangeTheStateOnceEachThenSettleOnce() throws Exception {
		int executions = 16;
		CompletableFuture<List<ActionState<Receipt>>> states = this.send.states()
			.take(executions + 2)
			.collectList()
			.toFuture();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<CompletableFuture<Receipt>>> results = new ArrayList<>();
			for (int i = 0; i < executions; i++) {
				results.add(threads.submit(() -> {
					await(go);
					return this.send.execute(SendEmail.valid()).toFuture();
				}));
			}
			go.countDown();
			List<ControlledBackend.Exchange> exchanges = new ArrayList<>();
			for (int i = 0; i < executions; i++) {
				exchanges.add(this.backend.next());
			}
			assertThat(this.send.pending()).isTrue();
			Collections.shuffle(exchanges);
			for (int i = 0; i < executions; i++) {
				ControlledBackend.Exchange exchange = exchanges.get(i);
				String id = "r" + i;
				threads.execute(() -> exchange.succeed("{\"id\":\"" + id + "\"}"));
			}
			List<ActionState<Receipt>> seen = states.get(5, TimeUnit.SECONDS);
			for (Future<CompletableFuture<Receipt>> result : results) {
				assertThat(result.get(5, TimeUnit.SECONDS)).succeedsWithin(TIMEOUT);
			}
			assertThat(seen).extracting(ActionState::version)
				.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, executions + 1).boxed().toList());
			assertThat(seen.subList(1, executions + 1)).allSatisfy((state) -> assertThat(state.pending()).isTrue());
			assertThat(seen.get(executions + 1).status()).isEqualTo(ActionStatus.SUCCESS);
			assertThat(this.send.state()).isEqualTo(seen.get(executions + 1));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aStateSubscriberMayCallBackIntoTheHandle() throws Exception {
		List<ActionStatus> seen = Collections.synchronizedList(new ArrayList<>());
		this.send.states().subscribe((state) -> {
			seen.add(state.status());
			if (state.status() == ActionStatus.SUCCESS) {
				this.send.reset();
			}
		});
		CompletableFuture<Receipt> result = this.send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("r1"));
		assertThat(seen).containsExactly(ActionStatus.IDLE, ActionStatus.PENDING, ActionStatus.SUCCESS,
				ActionStatus.IDLE);
		assertThat(this.send.status()).isEqualTo(ActionStatus.IDLE);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
