package io.convexspring.test.server;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The sync protocol's client messages, parsed ({@link ClientMessages}).
 */
sealed interface ClientMessage {

	/**
	 * The first message on every socket.
	 * @param clientTs the client's clock in ms, if sent
	 * @param maxObservedTimestamp the largest {@code ts} the client has seen, if sent
	 */
	record Connect(UUID sessionId, long connectionCount, @Nullable String lastCloseReason, @Nullable Long clientTs,
			@Nullable Long maxObservedTimestamp) implements ClientMessage {
	}

	/** Changes the socket's query set from {@code baseVersion} to {@code newVersion}. */
	record ModifyQuerySet(long baseVersion, long newVersion, List<QuerySetChange> modifications)
			implements ClientMessage {
	}

	/** One {@code Add} or {@code Remove}. */
	sealed interface QuerySetChange {

		long queryId();

	}

	/**
	 * Subscribes to a query.
	 * @param udfPath the path as sent, not yet canonical
	 * @param args the decoded arguments object
	 */
	record Add(long queryId, String udfPath, JsonNode args) implements QuerySetChange {
	}

	/** Unsubscribes. */
	record Remove(long queryId) implements QuerySetChange {
	}

	/**
	 * A mutation or an action.
	 * @param udfPath the path as sent, not yet canonical
	 */
	record Request(boolean mutation, long requestId, String udfPath, JsonNode args) implements ClientMessage {
	}

	/**
	 * Sets the socket's identity.
	 * @param identity the identity asked for: anonymous for {@code None}
	 */
	record Authenticate(long baseVersion, Identity identity) implements ClientMessage {
	}

	/** A metrics event; only logged by the backend. */
	record Event() implements ClientMessage {
	}

}
