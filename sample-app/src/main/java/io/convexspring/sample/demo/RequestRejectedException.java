package io.convexspring.sample.demo;

/**
 * A request refused before any function runs. Unlike a function failure it has its own HTTP
 * status and goes back as the backend's {@code {"code": ..., "message": ...}} body.
 */
final class RequestRejectedException extends RuntimeException {

	private final int status;

	private final String code;

	RequestRejectedException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	int status() {
		return this.status;
	}

	/** The backend's error code, such as {@code BadJsonBody}, that clients branch on. */
	String code() {
		return this.code;
	}

}
