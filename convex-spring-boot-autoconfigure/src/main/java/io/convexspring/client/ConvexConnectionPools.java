package io.convexspring.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import reactor.netty.resources.ConnectionProvider;

/**
 * The transport's own named Reactor Netty connection pools, one for queries and mutations
 * ({@value #FUNCTIONS}) and one for actions ({@value #ACTIONS}), never Reactor Netty's global
 * pool. With Micrometer on the class path, their {@code reactor.netty.connection.provider.*}
 * meters carry these names. The pools are made when a call first asks for one, so that an
 * application that makes no call pays nothing for them. Closing disposes both.
 */
public final class ConvexConnectionPools implements AutoCloseable {

	/** The name of the pool for queries and mutations. */
	public static final String FUNCTIONS = "convex";

	/** The name of the pool for actions. */
	public static final String ACTIONS = "convex-actions";

	private static final boolean MICROMETER = ClassUtils.isPresent("io.micrometer.core.instrument.Metrics",
			ConvexConnectionPools.class.getClassLoader());

	private final ConvexPoolSettings settings;

	private volatile @Nullable Providers providers;

	/** Guarded by this. */
	private boolean closed;

	private ConvexConnectionPools(ConvexPoolSettings settings) {
		this.settings = settings;
	}

	/**
	 * Creates the pools. Nothing is made, and nothing connects, until a call needs a
	 * connection.
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
		Providers made = providers();
		return (kind == FunctionKind.ACTION) ? made.actions() : made.functions();
	}

	private Providers providers() {
		Providers made = this.providers;
		if (made == null) {
			synchronized (this) {
				made = this.providers;
				if (made == null) {
					made = new Providers(provider(FUNCTIONS, this.settings.maxConnections(), this.settings),
							provider(ACTIONS, this.settings.actionMaxConnections(), this.settings));
					if (this.closed) {
						// asked for after close: closed, as they would be had they been made before
						made.dispose();
					}
					this.providers = made;
				}
			}
		}
		return made;
	}

	/**
	 * Closes every connection of both pools and refuses further calls. Pools that were never
	 * made are not made for it.
	 */
	@Override
	public void close() {
		Providers made;
		synchronized (this) {
			this.closed = true;
			made = this.providers;
		}
		if (made != null) {
			made.dispose();
		}
	}

	private record Providers(ConnectionProvider functions, ConnectionProvider actions) {

		void dispose() {
			this.functions.dispose();
			this.actions.dispose();
		}

	}

}
