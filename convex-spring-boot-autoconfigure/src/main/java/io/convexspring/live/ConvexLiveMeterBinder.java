package io.convexspring.live;

import java.util.Objects;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of a {@link ConvexLiveClient} and the clients derived from it: gauges of open
 * sockets and active subscriptions, counters of applied transitions and reconnection
 * attempts. Mutations and actions over the socket are observed as executions, like HTTP ones.
 */
public final class ConvexLiveMeterBinder implements MeterBinder {

	private final ConvexLiveClient client;

	/**
	 * Creates the binder.
	 * @param client the live client
	 */
	public ConvexLiveMeterBinder(ConvexLiveClient client) {
		this.client = Objects.requireNonNull(client, "client must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		LiveSockets sockets = this.client.sockets();
		Gauge.builder("convex.live.sockets", sockets, LiveSockets::openSockets)
			.description("Live-query sockets open or opening")
			.register(registry);
		Gauge.builder("convex.live.subscriptions", sockets, (live) -> live.subscriptions.get())
			.description("Active live-query subscribers")
			.register(registry);
		FunctionCounter.builder("convex.live.transitions", sockets, (live) -> live.transitions.get())
			.description("Transitions applied")
			.register(registry);
		FunctionCounter.builder("convex.live.reconnects", sockets, (live) -> live.reconnects.get())
			.description("Reconnection attempts after a socket was lost")
			.register(registry);
	}

}
