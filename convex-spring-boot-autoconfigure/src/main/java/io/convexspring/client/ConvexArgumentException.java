package io.convexspring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ConvexValueException;

/**
 * The arguments cannot be sent as they are, so nothing was sent: a value Convex cannot hold
 * exactly (a {@code long} beyond 2^53 as float64, an int64 out of range), a reserved or
 * invalid field name, arguments that are not an object, or arguments that break their
 * constraint annotations ({@link ConvexValidationException}).
 */
public sealed class ConvexArgumentException extends ConvexException permits ConvexValidationException {

	private final String argumentPath;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param argumentPath where in the arguments, e.g. {@code order.items[0].qty}; empty for
	 * the arguments as a whole
	 * @param reason what is wrong
	 * @param cause the underlying failure, if any
	 */
	public ConvexArgumentException(FunctionKind kind, String path, String argumentPath, String reason,
			@Nullable Throwable cause) {
		super(kind, path, describe(kind, path) + ": the arguments cannot be sent: "
				+ (argumentPath.isEmpty() ? "" : "at " + argumentPath + ": ") + reason, cause, null, 0, List.of());
		this.argumentPath = argumentPath;
	}

	ConvexArgumentException(FunctionKind kind, String path, ConvexValueException cause) {
		this(kind, path, cause.path(), cause.reason(), cause);
	}

	/**
	 * Returns where in the arguments the problem is; empty for the arguments as a whole.
	 * @return the path in the arguments
	 */
	public String argumentPath() {
		return this.argumentPath;
	}

	@Override
	public boolean functionDidNotRun() {
		return true;
	}

}
