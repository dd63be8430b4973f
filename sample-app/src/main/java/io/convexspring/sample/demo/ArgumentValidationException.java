package io.convexspring.sample.demo;

/**
 * An argument that does not match the function's validator. The real backend checks arguments
 * before the function runs; the demo checks them as {@link Args} reads them, with the same
 * message shapes.
 */
final class ArgumentValidationException extends RuntimeException {

	ArgumentValidationException(String message) {
		super(message, null, false, false);
	}

}
