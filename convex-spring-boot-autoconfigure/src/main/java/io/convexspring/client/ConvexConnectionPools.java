package io.convexspring.client;

import java.time.Duration;

import org.springframework.util.ClassUtils;
import reactor.netty.resources.ConnectionProvider;

/**
 * The transport's own named Reactor Netty connection pools, one for queries and mutations
 * ({@value #FUNCTIONS}) and one for actions ({@value #ACTIONS}), never Reactor Netty's global
 * pool. With Micrometer on the class path, their {@code reactor.netty.connection.provider.*}
 * meters carry these names. Closing disposes both.
 */
public final class ConvexConnectionPools implements AutoCloseable {

	/** The name of the pool for queries and mutations. */
	public static final String FUNCTIONS = "convex";

	/** The name of the pool for actions. */
	public static final String ACTIONS = "convex-actions";

	private static final boolean MICROMETER = ClassUtils.isPresent("io.micrometer.core.instrument.Metrics",
			ConvexConnectionPools.class.getClassLoader());

	private final ConnectionProvider functions;

	private final ConnectionProvider actions;

	private ConvexConnectionPools(ConvexPoolSettings settings) {
		this.functions = provider(FUNCTIONS, settings.maxConnections(), settings);
		this.actions = provider(ACTIONS, settings.actionMaxConnections(), settings);
	}

	/**
	 * Creates the pools. Nothing connects until a call needs a connection.
	 * @param settings the settings
	 * @return the pools
	 */
	public static ConvexConnectionPools create(ConvexPoolSettings settings) {
		return new ConvexConnectionPools(settings);
	}

	private static ConnectionProvider provider(String name, int maxConnections, ConvexPoolSettings settings) {
		ConnectionProvider.Builder builder = ConnectionProvider.builder(name)
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(settings.pendingAcquireMaxCount())
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			.maxIdleTime(settings.maxIdleTime())
			.maxLifeTime(settings.maxLifeTime())
			.metrics(MICROMETER);
		Duration evict = settings.evictInBackground();
		if (evict != null && !evict.isZero()) {
			builder.evictInBackground(evict);
		}
		return builder.build();
	}

	/**
	 * Returns the pool that calls of a kind take their connections from.
	 * @param kind the kind of function
	 * @return the pool
	 */
	public ConnectionProvider forKind(FunctionKind kind) {
		return (kind == FunctionKind.ACTION) ? this.actions : this.functions;
	}

	/**
	 * Closes every connection of both pools and refuses further calls.
	 */
	@Override
	public void close() {
		this.functions.dispose();
		this.actions.dispose();
	}

}
