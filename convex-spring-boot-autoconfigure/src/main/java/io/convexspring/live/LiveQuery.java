package io.convexspring.live;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexQuery;

/**
 * A query with its arguments, as one part of a {@link ConvexLiveSnapshot}.
 *
 * @param <A> the argument type
 * @param <R> the result type
 * @param query the query
 * @param args the arguments; {@code null} sends {@code {}}
 */
public record LiveQuery<A, R>(ConvexQuery<A, R> query, @Nullable A args) {

	/**
	 * Creates a live query.
	 * @param query the query
	 * @param args the arguments
	 */
	public LiveQuery {
		Objects.requireNonNull(query, "query must not be null");
	}

	/**
	 * Creates a live query.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param query the query
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the live query
	 */
	public static <A, R> LiveQuery<A, R> of(ConvexQuery<A, R> query, @Nullable A args) {
		return new LiveQuery<>(query, args);
	}

}
