package io.convexspring.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * No outcome came within the call's deadline ({@code convex.query.timeout},
 * {@code convex.mutation.timeout}, {@code convex.action.timeout}, or the reference's
 * {@code withTimeout}), or no connection within the connect timeout. After the deadline the
 * function may still be running; after a connect timeout nothing was sent, and
 * {@link #functionDidNotRun()} is {@code true}.
 */
public final class ConvexTimeoutException extends ConvexTransportException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param what what timed out, e.g. {@code no response}
	 * @param timeout the limit that was reached
	 * @param cause the underlying failure
	 */
	public ConvexTimeoutException(FunctionKind kind, String path, String what, Duration timeout,
			@Nullable Throwable cause) {
		this(kind, path, what, timeout, false, cause);
	}

	ConvexTimeoutException(FunctionKind kind, String path, String what, Duration timeout, boolean functionDidNotRun,
			@Nullable Throwable cause) {
		super(kind, path, what + " within " + timeout, functionDidNotRun, cause);
	}

}
