package io.convexspring.test.server;

/**
 * Thrown by a {@link FunctionHandler} whose arguments do not match its validator. The client sees
 * a function failure whose message starts {@code ArgumentValidationError: }, as the backend words
 * it.
 */
public final class ArgumentValidationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what does not match, in the backend's words
	 */
	public ArgumentValidationException(String message) {
		super(message, null, false, false);
	}

}
