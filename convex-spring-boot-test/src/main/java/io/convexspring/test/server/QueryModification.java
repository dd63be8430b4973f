package io.convexspring.test.server;

/**
 * One entry of a Transition's {@code modifications}.
 */
sealed interface QueryModification {

	long queryId();

	/**
	 * A query's new result, success or failure.
	 * @param outcome a {@link Outcome.Success} ({@code QueryUpdated}) or {@link Outcome.Failure}
	 * ({@code QueryFailed})
	 */
	record Result(long queryId, Outcome outcome) implements QueryModification {
	}

	/** {@code QueryRemoved}: acknowledges a client's {@code Remove}. */
	record Removed(long queryId) implements QueryModification {
	}

}
