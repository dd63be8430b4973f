package io.convexspring.live;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexException;

/**
 * The results of several queries at one database timestamp, as
 * {@link ConvexLiveClient#snapshot} reads them: no write is visible in one and not in another.
 */
public final class ConvexLiveSnapshot {

	private final long timestamp;

	private final Map<LiveQuery<?, ?>, QueryResult<?>> results;

	ConvexLiveSnapshot(long timestamp, Map<LiveQuery<?, ?>, QueryResult<?>> results) {
		this.timestamp = timestamp;
		this.results = Map.copyOf(results);
	}

	/**
	 * Returns the database timestamp all results were computed at.
	 * @return the timestamp, in nanoseconds since the Unix epoch
	 */
	public long timestamp() {
		return this.timestamp;
	}

	/**
	 * Returns one query's result.
	 * @param <R> the result type
	 * @param query one of the snapshot's queries
	 * @return the value, {@code null} for Convex {@code null}
	 * @throws ConvexException if the query failed at this timestamp
	 * @throws IllegalArgumentException if the query is not part of the snapshot
	 */
	public <R> @Nullable R get(LiveQuery<?, R> query) {
		QueryResult<R> result = result(query);
		if (result instanceof QueryResult.Failure<R> failure) {
			throw failure.error();
		}
		return ((QueryResult.Value<R>) result).value();
	}

	/**
	 * Returns one query's result or failure.
	 * @param <R> the result type
	 * @param query one of the snapshot's queries
	 * @return the result
	 * @throws IllegalArgumentException if the query is not part of the snapshot
	 */
	@SuppressWarnings("unchecked")
	public <R> QueryResult<R> result(LiveQuery<?, R> query) {
		QueryResult<?> result = this.results.get(query);
		if (result == null) {
			throw new IllegalArgumentException("The snapshot holds no result for " + query.query());
		}
		return (QueryResult<R>) result;
	}

	@Override
	public String toString() {
		return "ConvexLiveSnapshot[ts=" + this.timestamp + ", queries=" + this.results.size() + "]";
	}

}
