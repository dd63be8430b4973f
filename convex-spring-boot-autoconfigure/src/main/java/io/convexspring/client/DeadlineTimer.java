package io.convexspring.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * The calls' deadlines, on one hashed-wheel timer shared by every transport: arming and
 * cancelling one costs a queue insertion each, where {@code Mono.timeout(Duration)} takes a
 * lock of a {@code ScheduledThreadPoolExecutor} twice per call and wraps the task three times.
 * Nearly every deadline is cancelled (the call answers first), so that is all most cost. Ticks
 * of 10 ms: a deadline fires at most a tick late.
 */
final class DeadlineTimer {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(
			new DefaultThreadFactory("convex-deadlines", true), 10, TimeUnit.MILLISECONDS, 512);

	private DeadlineTimer() {
	}

	/**
	 * A {@link Mono} that emits once the duration has passed from each subscription, for
	 * {@link Mono#timeout(org.reactivestreams.Publisher, Mono)}.
	 * @param duration how long after subscribing
	 * @return the signal
	 */
	static Mono<Long> after(Duration duration) {
		return new After(duration.toNanos());
	}

	private static final class After extends Mono<Long> {

		private final long nanos;

		After(long nanos) {
			this.nanos = nanos;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Long> actual) {
			Armed armed = new Armed(actual);
			actual.onSubscribe(armed);
			armed.arm(this.nanos);
		}

	}

	private static final class Armed implements org.reactivestreams.Subscription, TimerTask {

		private static final AtomicIntegerFieldUpdater<Armed> STATE = AtomicIntegerFieldUpdater.newUpdater(Armed.class,
				"state");

		private static final int WAITING = 0;

		private static final int DONE = 1;

		private final CoreSubscriber<? super Long> actual;

		private volatile int state;

		private volatile @Nullable Timeout timeout;

		Armed(CoreSubscriber<? super Long> actual) {
			this.actual = actual;
		}

		void arm(long nanos) {
			if (this.state != WAITING) {
				return;
			}
			Timeout armed = TIMER.newTimeout(this, nanos, TimeUnit.NANOSECONDS);
			this.timeout = armed;
			if (this.state != WAITING) {
				// cancelled while arming
				armed.cancel();
			}
		}

		@Override
		public void run(Timeout fired) {
			if (STATE.compareAndSet(this, WAITING, DONE)) {
				this.actual.onNext(0L);
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			// one value, and MonoTimeout asks for all at once
			Operators.validate(n);
		}

		@Override
		public void cancel() {
			if (STATE.compareAndSet(this, WAITING, DONE)) {
				Timeout armed = this.timeout;
				if (armed != null) {
					armed.cancel();
				}
			}
		}

	}

}
