package io.convexspring.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeadlineTimer}: a deadline fires once its time has passed, and one cancelled first
 * never fires.
 */
class DeadlineTimerTests {

	@Test
	void aDeadlineFiresOnceItsTimeHasPassed() {
		long start = System.nanoTime();
		Long fired = DeadlineTimer.after(Duration.ofMillis(50)).block(Duration.ofSeconds(30));
		assertThat(fired).isZero();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
	}

	@Test
	void aCancelledDeadlineNeverFires() throws InterruptedException {
		CountDownLatch fired = new CountDownLatch(1);
		Disposable subscription = DeadlineTimer.after(Duration.ofMillis(100)).subscribe((tick) -> fired.countDown());
		subscription.dispose();
		assertThat(fired.await(500, TimeUnit.MILLISECONDS)).isFalse();
	}

	@Test
	void aCallThatAnswersFirstIsNotTimedOut() {
		String answer = Mono.just("answer")
			.delayElement(Duration.ofMillis(10))
			.timeout(DeadlineTimer.after(Duration.ofSeconds(30)), Mono.error(IllegalStateException::new))
			.block(Duration.ofSeconds(30));
		assertThat(answer).isEqualTo("answer");
	}

	@Test
	void aCallPastItsDeadlineGetsTheFallback() {
		String answer = Mono.<String>never()
			.timeout(DeadlineTimer.after(Duration.ofMillis(20)), Mono.just("deadline"))
			.block(Duration.ofSeconds(30));
		assertThat(answer).isEqualTo("deadline");
	}

}
