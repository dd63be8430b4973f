package io.convexspring.live;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The state of a live-query socket.
 *
 * @param phase where the socket is
 * @param attempt the reconnection attempt, from 1, while {@link Phase#RECONNECTING}; else 0
 * @param reason why the socket last closed or failed (never a secret), if it did
 */
public record ConnectionState(Phase phase, int attempt, @Nullable String reason) {

	/** No socket: none was needed yet, it closed when idle, or the client closed. */
	public static final ConnectionState CLOSED = new ConnectionState(Phase.CLOSED, 0, null);

	/**
	 * Creates a state.
	 * @param phase where the socket is
	 * @param attempt the reconnection attempt
	 * @param reason why the socket last closed or failed
	 */
	public ConnectionState {
		Objects.requireNonNull(phase, "phase must not be null");
	}

	/**
	 * Where a socket is.
	 */
	public enum Phase {

		/** Opening the first socket of a session. */
		CONNECTING,

		/** Open, and the session set up. */
		CONNECTED,

		/** Lost; waiting to open again (with backoff) or opening again. */
		RECONNECTING,

		/** No socket: none needed, idle, or the client closed. */
		CLOSED,

		/** The server ended the session with a {@code FatalError}: not reconnecting. */
		FAILED

	}

}
