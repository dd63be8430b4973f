package io.convexspring.live;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a subscriber to a {@code Flux} received, for tests to wait on: each value, and how it
 * ended.
 *
 * @param <T> the value type
 */
final class Collected<T> {

	private final BlockingQueue<T> values = new LinkedBlockingQueue<>();

	private final CompletableFuture<Throwable> ended = new CompletableFuture<>();

	private final Disposable subscription;

	private Collected(Flux<T> flux) {
		this.subscription = flux.subscribe(this.values::add, this.ended::complete, () -> this.ended.complete(null));
	}

	static <T> Collected<T> of(Flux<T> flux) {
		return new Collected<>(flux);
	}

	/** Waits for the next value. */
	T next() {
		try {
			T value = this.values.poll(SyncTestServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(value).as("a value within " + SyncTestServer.WAIT + " (ended: " + this.ended.getNow(null) + ")")
				.isNotNull();
			return value;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether no value arrives within the time given. */
	boolean nothingWithin(Duration time) {
		try {
			T value = this.values.poll(time.toMillis(), TimeUnit.MILLISECONDS);
			return value == null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Waits for the error that ended the {@code Flux}. */
	Throwable error() {
		Throwable error = this.ended.orTimeout(SyncTestServer.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
		assertThat(error).as("the Flux failed").isNotNull();
		return error;
	}

	/** Waits for the {@code Flux} to complete. */
	void completed() {
		Throwable error = this.ended.orTimeout(SyncTestServer.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
		assertThat(error).as("the Flux completed").isNull();
	}

	boolean isEnded() {
		return this.ended.isDone();
	}

	void cancel() {
		this.subscription.dispose();
	}

}
