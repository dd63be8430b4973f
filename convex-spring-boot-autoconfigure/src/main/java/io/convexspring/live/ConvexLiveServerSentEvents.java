package io.convexspring.live;

import java.time.Duration;
import java.util.Objects;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * Turns a live query into server-sent events for a browser, returned as is from a Spring MVC
 * or WebFlux controller: one event per result, and a heartbeat comment at a fixed interval in
 * between. A servlet container notices a browser that went away only when it writes, so the
 * heartbeat is what ends the subscription (and removes the query) soon after the browser
 * left.
 *
 * <pre class="code">
 * &#64;GetMapping(path = "/api/orders/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
 * Flux&lt;ServerSentEvent&lt;List&lt;Order&gt;&gt;&gt; orders() {
 *     return sse.events(live.subscribe(LIST_ORDERS, null));
 * }
 * </pre>
 */
public final class ConvexLiveServerSentEvents {

	/** The heartbeat interval used when none is set. */
	public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(3);

	private final Duration heartbeat;

	/**
	 * Creates the helper.
	 * @param heartbeat the interval between heartbeat comments
	 */
	public ConvexLiveServerSentEvents(Duration heartbeat) {
		Objects.requireNonNull(heartbeat, "heartbeat must not be null");
		if (heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
		}
		this.heartbeat = heartbeat;
	}

	/**
	 * Streams each value as an event whose data the framework writes as JSON, with heartbeat
	 * comments between them. Cancelled (the browser left), it cancels the subscription.
	 * @param <T> the value type
	 * @param values the values, e.g. from {@link ConvexLiveClient#subscribe}
	 * @return the events
	 */
	public <T> Flux<ServerSentEvent<T>> events(Flux<T> values) {
		return events(values, null);
	}

	/**
	 * Streams each value as an event of the given name, with heartbeat comments between them.
	 * @param <T> the value type
	 * @param values the values
	 * @param eventName the events' {@code event:} field, or {@code null} for none
	 * @return the events
	 */
	public <T> Flux<ServerSentEvent<T>> events(Flux<T> values, @org.jspecify.annotations.Nullable String eventName) {
		Objects.requireNonNull(values, "values must not be null");
		return values.map((value) -> {
			ServerSentEvent.Builder<T> event = ServerSentEvent.builder(value);
			return (eventName != null) ? event.event(eventName).build() : event.build();
		}).publish((events) -> Flux.merge(events, Flux.interval(this.heartbeat)
			.map((tick) -> ServerSentEvent.<T>builder().comment("heartbeat").build())
			.onBackpressureDrop()
			.takeUntilOther(events.ignoreElements())));
	}

}
