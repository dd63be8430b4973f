package io.convexspring.codec;

/**
 * A value that cannot travel in Convex's lossless encoding: an argument that Convex cannot
 * hold, a malformed encoded value, or a decoded value that does not fit the requested Java
 * type. The Convex clients turn it into their own exceptions, naming the function.
 */
public final class ConvexValueException extends RuntimeException {

	private final Problem problem;

	private final String path;

	private final String reason;

	ConvexValueException(Problem problem, String path, String reason, Throwable cause) {
		super(path.isEmpty() ? reason : path + ": " + reason, cause);
		this.problem = problem;
		this.path = path;
		this.reason = reason;
	}

	/**
	 * Returns what kind of problem this is.
	 * @return the problem
	 */
	public Problem problem() {
		return this.problem;
	}

	/**
	 * Returns where in the value the problem is, as {@code order.items[0].qty}; empty for the
	 * value itself.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns what was wrong, without the path.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * The kinds of problem a value can have.
	 */
	public enum Problem {

		/** A Java value that Convex cannot hold exactly (to be sent). */
		UNENCODABLE,

		/** Wire data that is not valid {@code convex_encoded_json} (received). */
		MALFORMED,

		/** A valid Convex value that does not fit the requested Java type (received). */
		TYPE_MISMATCH

	}

}
