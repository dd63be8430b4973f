package io.convexspring.maven.spec;

/**
 * A function spec or schema export that cannot be read, or cannot be produced.
 */
public class SpecException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong, and what to do about it
	 */
	public SpecException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what went wrong, and what to do about it
	 * @param cause the cause
	 */
	public SpecException(String message, Throwable cause) {
		super(message, cause);
	}

}
