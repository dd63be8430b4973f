package io.convexspring.test.server;

/**
 * A request refused before any function runs, with the backend's HTTP status and error code
 * (for instance 429 {@code TooManyConcurrentRequests}, 503 {@code Busy}, 401
 * {@code TokenExpired}). Over HTTP it is answered with that status and a
 * {@code {"code": ..., "message": ...}} body. Thrown by a {@link TokenVerifier} it rejects the
 * credentials; over the sync protocol that is an {@code AuthError}. Thrown by a
 * {@link FunctionHandler} over the sync protocol, the request fails with the message.
 */
public final class RequestRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	/**
	 * Creates the refusal.
	 * @param status the HTTP status, 400 to 599
	 * @param code the backend's error code, such as {@code BadJsonBody}
	 * @param message the human-readable message
	 */
	public RequestRefusedException(int status, String code, String message) {
		super(message, null, false, false);
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("A refusal's status is 400 to 599, not " + status);
		}
		this.status = status;
		this.code = code;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the backend's error code that clients branch on.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
