package io.convexspring.live;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The delay before a reconnection attempt, as the npm client computes it: an initial delay
 * that depends on who closed and why, doubled per attempt up to a maximum, times a uniform
 * jitter in [0.5, 1.5).
 *
 * @param initial the first delay after the server closed for an unknown or internal reason
 * @param max the longest delay, before jitter
 */
record Backoff(Duration initial, Duration max) {

	/** Close reasons that mean the backend is overloaded: start three times slower. */
	private static final List<String> OVERLOADED = List.of("SubscriptionsWorkerFullError",
			"TooManyConcurrentRequests", "CommitterFullError", "AwsTooManyRequestsException", "ExecuteFullError",
			"SystemTimeoutError", "ExpiredInQueue", "VectorIndexTooLarge", "SearchIndexTooLarge",
			"TooManyWritesInTimePeriod");

	/**
	 * Computes a delay.
	 * @param attempt the attempt, from 1
	 * @param reason the close reason
	 * @param clientClosed whether this client closed the socket (it saw a silent or broken
	 * server), which retries ten times sooner
	 * @param random uniform numbers in [0, 1)
	 */
	Duration delay(int attempt, @Nullable String reason, boolean clientClosed, DoubleSupplier random) {
		double base = this.initial.toNanos();
		if (clientClosed) {
			base /= 10;
		}
		else if (reason != null && OVERLOADED.stream().anyMatch(reason::startsWith)) {
			base *= 3;
		}
		double grown = Math.min(base * Math.pow(2, Math.min(attempt - 1, 30)), this.max.toNanos());
		return Duration.ofNanos((long) (grown * (0.5 + random.getAsDouble())));
	}

}
