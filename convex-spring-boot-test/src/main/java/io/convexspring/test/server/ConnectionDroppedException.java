package io.convexspring.test.server;

/**
 * Thrown by a {@link FunctionHandler} to play a network failure: the connection that carried the
 * call is closed without an answer (an HTTP connection closed before its response, or the sync
 * socket closed without a close frame).
 */
public final class ConnectionDroppedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public ConnectionDroppedException() {
		super("connection dropped on purpose", null, false, false);
	}

}
