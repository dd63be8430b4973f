package io.convexspring.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one place that decides whether a failed call may be repeated, and after how long.
 * Repeated is only what cannot repeat a function's effects:
 * <ul>
 * <li>a call the backend refused before running it: 429 (rate limited) and 503 with a code
 * saying it was rejected before it ran ({@link #REJECTED_BEFORE_RUNNING});</li>
 * <li>a call that never left this process or never reached the backend (connection refused,
 * connect timeout, the pool's refusal): {@link ConvexException#functionDidNotRun()};</li>
 * <li>a query after any other transport failure or a 502, 503 or 504 from a proxy, since
 * queries have no side effects.</li>
 * </ul>
 * A mutation or action that may have run is never repeated. Waits grow exponentially, with
 * jitter, and honour the backend's {@code Retry-After}. The transport applies it to every
 * call, inside the call's deadline; {@link #isSafeToRetry} and {@link #toReactorRetry()} offer
 * the same decision to an application's own {@code @Retryable} or Reactor {@code Retry}.
 *
 * @see ConvexTransport.Builder#retryPolicy
 */
public final class ConvexRetryPolicy {

	/**
	 * The 503 codes with which the backend rejects a call before running it (see the
	 * protocol's table of refusals).
	 */
	public static final Set<String> REJECTED_BEFORE_RUNNING = Set.of("OptimisticConcurrencyControlFailure", "Busy",
			"CommitterFullError", "WorkerOverloaded", "ExpiredInQueue");

	private static final Log logger = LogFactory.getLog(ConvexRetryPolicy.class);

	private static final ConvexRetryPolicy NONE = new ConvexRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
			0);

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final double jitter;

	private ConvexRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
		}
		this.maxAttempts = maxAttempts;
		this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
		this.jitter = jitter;
	}

	/**
	 * Creates a policy.
	 * @param maxAttempts most attempts per call, the first included (1: never repeat)
	 * @param initialBackoff the wait before the first repeat
	 * @param maxBackoff the longest wait the exponential growth reaches (a
	 * {@code Retry-After} may ask for longer; the call's deadline still bounds it)
	 * @param jitter how much of each wait is random, from 0 (none) to 1 (all)
	 * @return the policy
	 */
	public static ConvexRetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
		return new ConvexRetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter);
	}

	/**
	 * The default: 3 attempts, waits from 100 ms growing to at most 2 s, half of each random.
	 * @return the default policy
	 */
	public static ConvexRetryPolicy defaults() {
		return new ConvexRetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5);
	}

	/**
	 * A policy that never repeats a call.
	 * @return the policy
	 */
	public static ConvexRetryPolicy none() {
		return NONE;
	}

	/**
	 * Returns the most attempts per call, the first included.
	 * @return the maximum number of attempts
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Whether repeating the failed call cannot repeat a function's effects (see the class
	 * description). Any failure other than a {@link ConvexException} is not.
	 * @param failure the failure
	 * @return whether the call is safe to repeat
	 */
	public static boolean isSafeToRetry(@Nullable Throwable failure) {
		if (!(failure instanceof ConvexException convex)) {
			return false;
		}
		boolean query = convex.functionKind() == FunctionKind.QUERY;
		if (convex instanceof ConvexAuthenticationException) {
			return false;
		}
		if (convex instanceof ConvexHttpException) {
			int status = convex.httpStatus().orElse(0);
			if (status == 429) {
				return true;
			}
			if (status == 503 && convex.code().map(REJECTED_BEFORE_RUNNING::contains).orElse(false)) {
				return true;
			}
			return query && (status == 502 || status == 503 || status == 504);
		}
		if (convex instanceof ConvexMalformedResponseException || convex instanceof ConvexResponseTooLargeException) {
			// the same answer would come again
			return false;
		}
		if (convex instanceof ConvexTransportException) {
			return convex.functionDidNotRun() || query;
		}
		return false;
	}

	/**
	 * Whether a call that failed so, after this many attempts, is to be repeated.
	 * @param failure the failure
	 * @param attempts the attempts made so far, the failed one included
	 * @return whether to repeat
	 */
	public boolean shouldRetry(@Nullable Throwable failure, int attempts) {
		return attempts < this.maxAttempts && isSafeToRetry(failure);
	}

	/**
	 * Returns how long to wait before repeating: the backend's {@code Retry-After} where it
	 * sent one, otherwise the exponential backoff with jitter.
	 * @param failure the failure
	 * @param attempts the attempts made so far, the failed one included
	 * @return the wait
	 */
	public Duration backoff(@Nullable Throwable failure, int attempts) {
		if (failure instanceof ConvexHttpException http) {
			Optional<Duration> retryAfter = http.retryAfter();
			if (retryAfter.isPresent()) {
				return retryAfter.get();
			}
		}
		long base = this.initialBackoff.toMillis() << Math.min(attempts - 1, 20);
		long capped = Math.min(Math.max(base, 0), this.maxBackoff.toMillis());
		long random = (long) (capped * this.jitter * ThreadLocalRandom.current().nextDouble());
		return Duration.ofMillis(capped - random);
	}

	/**
	 * Returns this policy as a Reactor {@link Retry}, for an application's own calls:
	 * {@code mono.retryWhen(policy.toReactorRetry())}.
	 * @return the retry
	 */
	public Retry toReactorRetry() {
		return toReactorRetry(null);
	}

	/**
	 * Returns this policy as a Reactor {@link Retry} that tells a listener of each repeat, as
	 * the transport uses it; logs each at debug level.
	 * @param listener told of each repeat before its wait, or {@code null}
	 * @return the retry
	 */
	Retry toReactorRetry(@Nullable RetryListener listener) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int attempts = (int) signal.totalRetries() + 1;
			if (!shouldRetry(failure, attempts)) {
				return Mono.error(failure);
			}
			Duration wait = backoff(failure, attempts);
			logRetry((ConvexException) failure, attempts + 1, wait);
			if (listener != null) {
				listener.retrying((ConvexException) failure, attempts + 1, wait);
			}
			return Mono.delay(wait);
		}));
	}

	/** The debug line of a repeat; the failure's message names the function, never a secret. */
	void logRetry(ConvexException failure, int attempt, Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying (attempt " + attempt + " of " + this.maxAttempts + ") in " + wait.toMillis()
					+ " ms after: " + failure.getMessage());
		}
	}

	@Override
	public String toString() {
		return "ConvexRetryPolicy[maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff
				+ ", maxBackoff=" + this.maxBackoff + ", jitter=" + this.jitter + "]";
	}

	/** Told of each repeat of a call. */
	@FunctionalInterface
	interface RetryListener {

		void retrying(ConvexException failure, int attempt, Duration wait);

	}

}
