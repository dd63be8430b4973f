package io.convexspring.client;

/**
 * A lazily built HTTP connector could not be built for a request, so the request was never
 * sent: {@link Failures#transport} tells the call that its function did not run.
 */
final class ConnectorBuildException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ConnectorBuildException(Throwable cause) {
		super("the HTTP connector could not be built", cause);
	}

}
