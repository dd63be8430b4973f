package io.convexspring.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the Reactor Netty connection pools the transport keeps for a deployment: one
 * for queries and mutations, one for actions, so that long actions cannot take every
 * connection. A call waits in the pool's queue for a free connection; one the pool refuses
 * (queue full, or no connection within the wait) was never sent.
 *
 * @param maxConnections most connections open at once for queries and mutations
 * @param actionMaxConnections most connections open at once for actions
 * @param pendingAcquireMaxCount most calls waiting for a connection, per pool
 * @param pendingAcquireTimeout longest a call waits for a connection
 * @param maxIdleTime longest a connection stays idle in the pool; Convex and the proxies in
 * front of it close idle keep-alive connections, so a connection idle longer is closed, never
 * used for a call
 * @param maxLifeTime longest a connection is used, from when it was opened
 * @param evictInBackground how often idle and expired connections are closed in the
 * background; {@code null} or zero to close them only when a call would take them
 */
public record ConvexPoolSettings(int maxConnections, int actionMaxConnections, int pendingAcquireMaxCount,
		Duration pendingAcquireTimeout, Duration maxIdleTime, Duration maxLifeTime,
		@Nullable Duration evictInBackground) {

	/**
	 * Connections per pool by default: enough for the backend's own concurrency limits, which
	 * answer beyond them with 429.
	 */
	public static final int DEFAULT_MAX_CONNECTIONS = 500;

	/**
	 * Calls that may wait for a connection by default: 10,000 calls in flight at once queue
	 * without a refusal.
	 */
	public static final int DEFAULT_PENDING_ACQUIRE_MAX_COUNT = 100_000;

	/** Longest wait for a connection by default. */
	public static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

	/** Longest idle time by default: below the common 60 s idle limit of load balancers. */
	public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);

	/** Longest life by default, so that DNS changes and rebalancing reach long-running apps. */
	public static final Duration DEFAULT_MAX_LIFE_TIME = Duration.ofMinutes(10);

	/** Background eviction interval by default. */
	public static final Duration DEFAULT_EVICT_IN_BACKGROUND = Duration.ofSeconds(30);

	/**
	 * Checks the settings.
	 */
	public ConvexPoolSettings {
		positive(maxConnections, "maxConnections");
		positive(actionMaxConnections, "actionMaxConnections");
		positive(pendingAcquireMaxCount, "pendingAcquireMaxCount");
		positive(pendingAcquireTimeout, "pendingAcquireTimeout");
		positive(maxIdleTime, "maxIdleTime");
		positive(maxLifeTime, "maxLifeTime");
		if (evictInBackground != null && evictInBackground.isNegative()) {
			throw new IllegalArgumentException("evictInBackground must not be negative, not " + evictInBackground);
		}
	}

	/**
	 * Returns the default settings.
	 * @return the defaults
	 */
	public static ConvexPoolSettings defaults() {
		return new ConvexPoolSettings(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS,
				DEFAULT_PENDING_ACQUIRE_MAX_COUNT, DEFAULT_PENDING_ACQUIRE_TIMEOUT, DEFAULT_MAX_IDLE_TIME,
				DEFAULT_MAX_LIFE_TIME, DEFAULT_EVICT_IN_BACKGROUND);
	}

	private static void positive(int value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive, not " + value);
		}
	}

	private static void positive(Duration value, String name) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, not " + value);
		}
	}

}
