package io.convexspring.state;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.convexspring.client.ConvexException;

/**
 * Holds a handle's {@link ActionState} and publishes each change. Every execution gets a
 * number when it starts; only the latest started one may settle the state, so an older one
 * finishing late changes nothing, and {@link #reset()} detaches every execution in flight.
 * Changes are made under one lock and published in version order by one thread at a time,
 * outside the lock, so a subscriber may call back into the handle.
 *
 * @param <R> the result type
 */
final class ActionStateStore<R> {

	private final Object lock = new Object();

	private final Sinks.Many<ActionState<R>> changes = Sinks.many().replay().latest();

	private final Queue<ActionState<R>> unpublished = new ConcurrentLinkedQueue<>();

	private final AtomicInteger publishing = new AtomicInteger();

	private volatile ActionState<R> current = ActionState.initial();

	/** The number given to the last execution started. */
	private long started;

	/** The number of the execution that may settle the state; 0 for none. */
	private long owner;

	ActionStateStore() {
		this.changes.tryEmitNext(this.current);
	}

	ActionState<R> current() {
		return this.current;
	}

	Flux<ActionState<R>> states() {
		return this.changes.asFlux();
	}

	/**
	 * Starts an execution: pending, with the error cleared and the data kept.
	 * @return the execution's number
	 */
	long start() {
		long execution;
		synchronized (this.lock) {
			execution = ++this.started;
			this.owner = execution;
			change(ActionStatus.PENDING, this.current.data(), null);
		}
		publish();
		return execution;
	}

	/**
	 * Records an execution's success, if it is still the latest.
	 * @return whether the state changed
	 */
	boolean succeed(long execution, @Nullable R data) {
		synchronized (this.lock) {
			if (execution != this.owner) {
				return false;
			}
			change(ActionStatus.SUCCESS, data, null);
		}
		publish();
		return true;
	}

	/**
	 * Records an execution's failure, if it is still the latest; the data is kept.
	 * @return whether the state changed
	 */
	boolean fail(long execution, ConvexException error) {
		synchronized (this.lock) {
			if (execution != this.owner) {
				return false;
			}
			change(ActionStatus.ERROR, this.current.data(), error);
		}
		publish();
		return true;
	}

	/** Back to idle, without data or error; executions in flight no longer settle the state. */
	void reset() {
		synchronized (this.lock) {
			this.owner = 0;
			change(ActionStatus.IDLE, null, null);
		}
		publish();
	}

	private void change(ActionStatus status, @Nullable R data, @Nullable ConvexException error) {
		ActionState<R> next = new ActionState<>(status, data, error, this.current.version() + 1);
		this.current = next;
		this.unpublished.add(next);
	}

	/** Emits the queued changes; a thread that finds another publishing leaves them to it. */
	private void publish() {
		if (this.publishing.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			ActionState<R> next;
			while ((next = this.unpublished.poll()) != null) {
				this.changes.tryEmitNext(next);
			}
			missed = this.publishing.addAndGet(-missed);
		}
		while (missed != 0);
	}

}
