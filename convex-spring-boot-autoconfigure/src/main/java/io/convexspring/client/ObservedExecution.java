package io.convexspring.client;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import io.convexspring.observation.ConvexObservationContext;

/**
 * One observed execution: each subscription starts an observation, and one subscriber between
 * the execution and its caller stops it as the outcome (a result, a failure or a cancel) passes,
 * before the caller sees it. One operator where {@code doOnSuccess}, {@code doOnError},
 * {@code doOnCancel} and {@code contextWrite} would be four, on every call.
 */
final class ObservedExecution<R> extends Mono<R> {

	private final ExecutionObserver observer;

	private final FunctionKind kind;

	private final String path;

	private final @Nullable Object args;

	private final Function<@Nullable ConvexObservationContext, Mono<R>> exchange;

	ObservedExecution(ExecutionObserver observer, FunctionKind kind, String path, @Nullable Object args,
			Function<@Nullable ConvexObservationContext, Mono<R>> exchange) {
		this.observer = observer;
		this.kind = kind;
		this.path = path;
		this.args = args;
		this.exchange = exchange;
	}

	@Override
	public void subscribe(CoreSubscriber<? super R> actual) {
		ConvexObservationContext context = this.observer.context(this.kind, this.path, this.args);
		Observation observation;
		try {
			// a convention or handler of the application's may throw: the call fails, as it would in an operator
			observation = this.observer.start(context, actual.currentContext());
		}
		catch (Throwable ex) {
			Operators.error(actual, Operators.onOperatorError(ex, actual.currentContext()));
			return;
		}
		Mono<R> call;
		try {
			call = this.exchange.apply(context);
		}
		catch (Throwable ex) {
			observation.error(ex);
			observation.stop();
			Operators.error(actual, Operators.onOperatorError(ex, actual.currentContext()));
			return;
		}
		// the WebClient's own http.client.requests nests under the execution through the context
		Context upstreamContext = this.observer.nestsHttpObservations()
				? actual.currentContext().put(ObservationThreadLocalAccessor.KEY, observation) : actual.currentContext();
		call.subscribe(new Stopping<>(actual, context, observation, upstreamContext));
	}

	/** Stops the observation once, as the first of a result, a failure or a cancel passes. */
	private static final class Stopping<R> implements CoreSubscriber<R>, Subscription {

		private static final AtomicIntegerFieldUpdater<Stopping> STOPPED = AtomicIntegerFieldUpdater
			.newUpdater(Stopping.class, "stopped");

		private final CoreSubscriber<? super R> actual;

		private final ConvexObservationContext context;

		private final Observation observation;

		private final Context upstreamContext;

		private Subscription upstream = Operators.emptySubscription();

		private boolean valued;

		private volatile int stopped;

		Stopping(CoreSubscriber<? super R> actual, ConvexObservationContext context, Observation observation,
				Context upstreamContext) {
			this.actual = actual;
			this.context = context;
			this.observation = observation;
			this.upstreamContext = upstreamContext;
		}

		@Override
		public Context currentContext() {
			return this.upstreamContext;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(R result) {
			this.valued = true;
			if (STOPPED.compareAndSet(this, 0, 1)) {
				this.context.setResult(result);
				try {
					this.observation.stop();
				}
				catch (Throwable ex) {
					// as doOnSuccess would: the handler's failure replaces the result
					this.upstream.cancel();
					this.actual.onError(Operators.onOperatorError(ex, this.actual.currentContext()));
					return;
				}
			}
			this.actual.onNext(result);
		}

		@Override
		public void onComplete() {
			if (!this.valued && STOPPED.compareAndSet(this, 0, 1)) {
				// an empty execution: a Convex null
				this.context.setResult(null);
				try {
					this.observation.stop();
				}
				catch (Throwable ex) {
					this.actual.onError(Operators.onOperatorError(ex, this.actual.currentContext()));
					return;
				}
			}
			this.actual.onComplete();
		}

		@Override
		public void onError(Throwable failure) {
			if (STOPPED.compareAndSet(this, 0, 1)) {
				this.observation.error(failure);
				try {
					this.observation.stop();
				}
				catch (Throwable ex) {
					failure = Exceptions.addSuppressed(failure, ex);
				}
			}
			this.actual.onError(failure);
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			if (STOPPED.compareAndSet(this, 0, 1)) {
				this.context.setCancelled();
				this.observation.stop();
			}
			this.upstream.cancel();
		}

	}

}
