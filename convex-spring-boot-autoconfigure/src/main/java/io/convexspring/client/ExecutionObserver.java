package io.convexspring.client;

import java.net.URI;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexObservationContext.CallerLogging;
import io.convexspring.observation.ConvexObservationConvention;
import io.convexspring.observation.ConvexObservationDocumentation;
import io.convexspring.observation.DefaultConvexObservationConvention;
import io.convexspring.state.ActionLogging;

/**
 * Wraps each execution of the {@link ConvexTransport} in one Micrometer observation, started
 * per subscription and stopped as the outcome passes ({@link ObservedExecution}); with a no-op
 * registry it wraps nothing.
 */
final class ExecutionObserver {

	/** The event of a repeated call. */
	static final Observation.Event RETRY = Observation.Event.of("convex.retry", "retry");

	private final ObservationRegistry registry;

	private final @Nullable ConvexObservationConvention convention;

	private final ConvexObservationConvention defaultConvention = new DefaultConvexObservationConvention();

	private final boolean nestHttpObservations;

	private final URI deploymentUrl;

	ExecutionObserver(ObservationRegistry registry, @Nullable ConvexObservationConvention convention,
			boolean nestHttpObservations, URI deploymentUrl) {
		this.registry = registry;
		this.convention = convention;
		this.nestHttpObservations = nestHttpObservations;
		this.deploymentUrl = deploymentUrl;
	}

	/**
	 * Observes an execution.
	 * @param exchange the execution, given the context to record its HTTP details in, or
	 * {@code null} when nothing observes
	 */
	<R> Mono<R> observe(FunctionKind kind, String path, @Nullable Object args,
			Function<@Nullable ConvexObservationContext, Mono<R>> exchange) {
		if (this.registry.isNoop()) {
			return exchange.apply(null);
		}
		return new ObservedExecution<>(this, kind, path, args, exchange);
	}

	/**
	 * Starts the observation of one subscription: the caller's logging and parent observation
	 * come from the subscriber's context.
	 */
	Observation start(ConvexObservationContext context, ContextView subscriberContext) {
		ActionLogging callerLogging = subscriberContext.getOrDefault(ActionLogging.class, null);
		if (callerLogging != null) {
			context.setCallerLogging((callerLogging == ActionLogging.OFF) ? CallerLogging.SILENT
					: CallerLogging.EXECUTION_LINES);
		}
		Observation observation = ConvexObservationDocumentation.createNotStarted(context, this.convention,
				this.defaultConvention, this.registry);
		Observation parent = subscriberContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		// each repeat of the call shows as an event on its one observation (a span event)
		context.onRetry((failure, attempt) -> observation.event(RETRY));
		observation.start();
		return observation;
	}

	ConvexObservationContext context(FunctionKind kind, String path, @Nullable Object args) {
		return new ConvexObservationContext(kind, path, this.deploymentUrl, args);
	}

	boolean nestsHttpObservations() {
		return this.nestHttpObservations;
	}

}
