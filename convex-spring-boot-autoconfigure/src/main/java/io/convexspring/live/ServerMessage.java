package io.convexspring.live;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A decoded message from the server. Values are lossless trees (int64 as {@code Int64Node}),
 * bound to each subscriber's type later, so that subscribers with different types can share a
 * query.
 */
sealed interface ServerMessage {

	/**
	 * A change of results, from one version to the next.
	 *
	 * @param start the version it applies to
	 * @param end the version after it
	 * @param modifications the changed queries
	 */
	record Transition(StateVersion start, StateVersion end, List<QueryModification> modifications)
			implements ServerMessage {

	}

	/** A change to one query's result. */
	sealed interface QueryModification {

		/**
		 * Returns the query's id.
		 * @return the id
		 */
		int queryId();

	}

	/**
	 * A query's new result.
	 *
	 * @param queryId the query's id
	 * @param value the value
	 * @param logLines the query's log lines
	 * @param journal the query's journal
	 */
	record QueryUpdated(int queryId, JsonNode value, List<String> logLines, @Nullable String journal)
			implements QueryModification {

	}

	/**
	 * A query's failure.
	 *
	 * @param queryId the query's id
	 * @param errorMessage the message
	 * @param errorData the {@code ConvexError} data, if it threw one
	 * @param logLines the query's log lines
	 * @param journal the query's journal
	 */
	record QueryFailed(int queryId, String errorMessage, @Nullable JsonNode errorData, List<String> logLines,
			@Nullable String journal) implements QueryModification {

	}

	/**
	 * The acknowledgement of a removal.
	 *
	 * @param queryId the query's id
	 */
	record QueryRemoved(int queryId) implements QueryModification {

	}

	/**
	 * The outcome of a mutation or an action.
	 *
	 * @param mutation whether it answers a mutation (else an action)
	 * @param requestId the request's id
	 * @param success whether the function succeeded
	 * @param result the result (success only)
	 * @param errorMessage the message (failure only)
	 * @param errorData the {@code ConvexError} data (failure only, if it threw one)
	 * @param ts a successful mutation's commit timestamp, else 0
	 * @param logLines the function's log lines
	 */
	record Response(boolean mutation, int requestId, boolean success, @Nullable JsonNode result,
			@Nullable String errorMessage, @Nullable JsonNode errorData, long ts, List<String> logLines)
			implements ServerMessage {

	}

	/**
	 * The server refused the identity and will close the socket.
	 *
	 * @param error the message
	 * @param baseVersion the identity version the server stayed at, or -1 if not given
	 * @param authUpdateAttempted whether it refused an {@code Authenticate} just sent
	 */
	record AuthError(String error, int baseVersion, boolean authUpdateAttempted) implements ServerMessage {

	}

	/**
	 * The server considers the client broken and will close the socket.
	 *
	 * @param error the message
	 */
	record FatalError(String error) implements ServerMessage {

	}

	/** The server is alive. */
	record Ping() implements ServerMessage {

	}

	/**
	 * One part of a large Transition.
	 *
	 * @param chunk the part of the Transition's JSON text
	 * @param partNumber the part's number, from 0
	 * @param totalParts the number of parts
	 * @param transitionId the Transition's id
	 */
	record TransitionChunk(String chunk, int partNumber, int totalParts, String transitionId)
			implements ServerMessage {

	}

	/**
	 * A message type this client does not know.
	 *
	 * @param type the type
	 */
	record Unknown(String type) implements ServerMessage {

	}

}
