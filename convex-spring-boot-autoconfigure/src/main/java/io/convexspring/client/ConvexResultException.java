package io.convexspring.client;

import java.util.List;

import io.convexspring.codec.ConvexValueException;

/**
 * The function succeeded, but its result does not fit the declared result type: a missing
 * {@code long}, a float64 1.5 for an {@code int}, an object for a {@code String}.
 */
public final class ConvexResultException extends ConvexException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param what what was read, e.g. {@code its result}
	 * @param cause the decoding failure
	 */
	public ConvexResultException(FunctionKind kind, String path, String what, ConvexValueException cause) {
		this(kind, path, what, cause, 200);
	}

	ConvexResultException(FunctionKind kind, String path, String what, ConvexValueException cause, int httpStatus) {
		super(kind, path, describe(kind, path) + " succeeded, but " + what + " "
				+ (cause.path().isEmpty() ? "" : "at " + cause.path() + " ") + cause.reason(), cause, null, httpStatus,
				List.of());
	}

	@Override
	public boolean functionDidNotRun() {
		return false;
	}

}
