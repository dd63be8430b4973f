package io.convexspring.live;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import io.convexspring.client.ConvexException;
import io.convexspring.codec.ConvexCodec;

/**
 * One subscriber to a {@link QueryEntry}: the sink of its {@code Flux}, its result type, and
 * whether failures end it or come as values. Its sink keeps only the latest undelivered value,
 * so a slow subscriber costs one value, and never holds up the socket.
 */
final class Subscriber {

	final String path;

	final String argsJson;

	final String key;

	final JavaType type;

	private final boolean failuresAsValues;

	private final Target sink;

	/** The socket it is on; another one if its socket closed when idle just as it came. */
	volatile @Nullable LiveSocket socket;

	/**
	 * Whether its {@code Flux} was cancelled: set before the socket is read, so that a
	 * subscription cancelled before it reached the socket is never added.
	 */
	volatile boolean cancelled;

	private @Nullable QueryResult<?> lastDelivered;

	/** Whether the sink has ended: results that come before the socket hears of it go nowhere. */
	private boolean ended;

	Subscriber(String path, String argsJson, JavaType type, boolean failuresAsValues, Target sink) {
		this.path = path;
		this.argsJson = argsJson;
		this.key = QueryEntry.key(path, argsJson);
		this.type = type;
		this.failuresAsValues = failuresAsValues;
		this.sink = sink;
	}

	/** Hands over the entry's latest result, if it has one this subscriber has not had. */
	void deliver(QueryEntry entry, ConvexCodec codec) {
		QueryResult<?> result = entry.result(this.type, codec);
		if (this.ended || result == null || result == this.lastDelivered) {
			return;
		}
		this.lastDelivered = result;
		if (this.failuresAsValues) {
			this.sink.next(result);
		}
		else if (result instanceof QueryResult.Failure<?> failure) {
			this.ended = true;
			this.sink.error(failure.error());
		}
		else {
			Object value = ((QueryResult.Value<?>) result).value();
			// a Flux cannot carry null: Convex null shows as Optional.empty() with an Optional type
			if (value != null) {
				this.sink.next(value);
			}
		}
	}

	/** Ends the subscription: the session ended for good. */
	void fail(ConvexException failure) {
		this.ended = true;
		this.sink.error(failure);
	}

	void complete() {
		this.ended = true;
		this.sink.complete();
	}

	/** Where results go: a {@code Flux}'s sink, or a snapshot waiting for its parts. */
	interface Target {

		void next(Object value);

		void error(Throwable failure);

		void complete();

	}

}
