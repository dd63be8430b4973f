package io.convexspring.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Backoff}.
 */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(16));

	@Test
	void doublesPerAttemptUpToTheMaximum() {
		assertThat(this.backoff.delay(1, "InternalServerError", false, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.delay(2, "InternalServerError", false, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backoff.delay(4, null, false, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.backoff.delay(6, null, false, () -> 0.5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(this.backoff.delay(1000, null, false, () -> 0.5)).isEqualTo(Duration.ofSeconds(16));
	}

	@Test
	void jittersBetweenHalfAndOneAndAHalfTimes() {
		assertThat(this.backoff.delay(2, null, false, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.delay(2, null, false, () -> 0.999)).isBetween(Duration.ofMillis(2990),
				Duration.ofSeconds(3));
	}

	@Test
	void startsSoonerWhenTheClientClosedAndSlowerWhenTheServerIsOverloaded() {
		assertThat(this.backoff.delay(1, "InactiveServer", true, () -> 0.5)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.backoff.delay(1, "TooManyConcurrentRequests", false, () -> 0.5))
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(this.backoff.delay(1, "SubscriptionsWorkerFullError: busy", false, () -> 0.5))
			.isEqualTo(Duration.ofSeconds(3));
	}

}
