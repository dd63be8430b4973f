package io.convexspring.live;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexException;

/**
 * One result of a live query, as {@link ConvexLiveClient#subscribeResults} emits it: a value,
 * or the failure of the query at that point. A Convex query that failed may succeed on the
 * next transition, so a failure does not end the subscription.
 *
 * @param <R> the result type
 */
public sealed interface QueryResult<R> permits QueryResult.Value, QueryResult.Failure {

	/**
	 * The query returned a value.
	 *
	 * @param <R> the result type
	 * @param value the value; {@code null} for Convex {@code null}
	 */
	record Value<R>(@Nullable R value) implements QueryResult<R> {

	}

	/**
	 * The query failed: {@link io.convexspring.client.ConvexApplicationException} when it threw a
	 * {@code ConvexError} (its data kept), {@link io.convexspring.client.ConvexFunctionFailedException}
	 * otherwise, or {@link io.convexspring.client.ConvexResultException} when its value does not
	 * fit the result type.
	 *
	 * @param <R> the result type
	 * @param error the failure
	 */
	record Failure<R>(ConvexException error) implements QueryResult<R> {

		/**
		 * Creates a failure.
		 * @param error the failure
		 */
		public Failure {
			Objects.requireNonNull(error, "error must not be null");
		}

	}

}
