package io.convexspring.test.server;

/**
 * A client message that breaks the sync protocol. A fatal one ends the socket with a
 * {@code FatalError} carrying the message, then a close without status, as the backend does for
 * parse failures and a query-set base-version mismatch; any other ends it with close code 1011
 * {@code InternalServerError} and no message.
 */
final class ProtocolViolationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean fatal;

	private ProtocolViolationException(String message, boolean fatal) {
		super(message, null, false, false);
		this.fatal = fatal;
	}

	static ProtocolViolationException fatal(String message) {
		return new ProtocolViolationException(message, true);
	}

	static ProtocolViolationException internal(String message) {
		return new ProtocolViolationException(message, false);
	}

	boolean isFatal() {
		return this.fatal;
	}

}
