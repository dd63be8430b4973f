package io.convexspring.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.Disposable;

import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ObservedExecution}: one observation per subscription, stopped exactly once as the
 * outcome passes and before the caller sees it.
 */
class ObservedExecutionTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	ObservedExecutionTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<ConvexObservationContext>() {

			@Override
			public void onStart(ConvexObservationContext context) {
				ObservedExecutionTests.this.events.add("start");
			}

			@Override
			public void onStop(ConvexObservationContext context) {
				ObservedExecutionTests.this.events.add("stop " + context.getOutcome().value());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ConvexObservationContext;
			}

		});
	}

	private ExecutionObserver observer(boolean nest) {
		return new ExecutionObserver(this.registry, null, nest, URI.create("https://happy-animal-123.convex.cloud"));
	}

	private <R> Mono<R> observed(Mono<R> execution) {
		return observer(true).observe(FunctionKind.ACTION, "emails:send", null, (context) -> execution);
	}

	@Test
	void aResultStopsTheObservationBeforeTheCallerSeesIt() {
		AtomicReference<List<String>> seenByCaller = new AtomicReference<>();
		String result = observed(Mono.just("sent")).doOnNext((value) -> seenByCaller.set(List.copyOf(this.events)))
			.block();
		assertThat(result).isEqualTo("sent");
		assertThat(seenByCaller.get()).containsExactly("start", "stop success");
		assertThat(this.events).containsExactly("start", "stop success");
	}

	@Test
	void anEmptyExecutionIsASuccessWithANullResult() {
		assertThat(observed(Mono.empty()).block()).isNull();
		assertThat(this.events).containsExactly("start", "stop success");
	}

	@Test
	void aFailureIsRecordedOnce() {
		ConvexException failure = new ConvexTransportException(FunctionKind.ACTION, "emails:send", "refused", true,
				null);
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> observed(Mono.error(failure)).block())
			.isSameAs(failure);
		assertThat(this.events).containsExactly("start", "stop " + ConvexOutcome.of(failure).value());
	}

	@Test
	void aCancelStopsTheObservationOnceAsCancelled() {
		Disposable subscription = observed(Mono.never()).subscribe();
		subscription.dispose();
		subscription.dispose();
		assertThat(this.events).containsExactly("start", "stop " + ConvexOutcome.CANCELLED.value());
	}

	@Test
	void aHandlerThatThrowsAtTheStartFailsTheCallWithoutSendingIt() {
		ObservationRegistry failing = ObservationRegistry.create();
		failing.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

			@Override
			public void onStart(Observation.Context context) {
				throw new IllegalStateException("the handler broke");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		List<String> sent = new CopyOnWriteArrayList<>();
		Mono<String> call = new ExecutionObserver(failing, null, true, URI.create("https://happy-animal-123.convex.cloud"))
			.observe(FunctionKind.ACTION, "emails:send", null, (context) -> Mono.fromCallable(() -> {
				sent.add("sent");
				return "sent";
			}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(call::block).withMessage("the handler broke");
		assertThat(sent).isEmpty();
	}

	@Test
	void eachSubscriptionIsItsOwnObservation() {
		Mono<String> call = observed(Mono.just("sent"));
		call.block();
		call.block();
		assertThat(this.events).containsExactly("start", "stop success", "start", "stop success");
	}

	@Test
	void theExecutionSeesItsObservationInTheContextOnlyWhenHttpObservationsNest() {
		Mono<Object> seen = Mono.deferContextual((view) -> Mono.just(view.hasKey(ObservationThreadLocalAccessor.KEY)
				? view.<Object>get(ObservationThreadLocalAccessor.KEY) : "none"));
		Object nested = observer(true).observe(FunctionKind.ACTION, "emails:send", null, (context) -> seen).block();
		Object alone = observer(false).observe(FunctionKind.ACTION, "emails:send", null, (context) -> seen).block();
		assertThat(nested).isInstanceOfSatisfying(Observation.class,
				(observation) -> assertThat(observation.getContext()).isInstanceOf(ConvexObservationContext.class));
		assertThat(alone).isEqualTo("none");
	}

}
