package io.convexspring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came back: the connection failed or broke, the wait timed out
 * ({@link ConvexTimeoutException}), the body was not the Convex envelope
 * ({@link ConvexMalformedResponseException}), or it was too large
 * ({@link ConvexResponseTooLargeException}).
 */
public sealed class ConvexTransportException extends ConvexException
		permits ConvexTimeoutException, ConvexMalformedResponseException, ConvexResponseTooLargeException {

	private final boolean functionDidNotRun;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param detail what went wrong
	 * @param functionDidNotRun whether the request is known not to have reached the backend
	 * @param cause the underlying failure
	 */
	public ConvexTransportException(FunctionKind kind, String path, String detail, boolean functionDidNotRun,
			@Nullable Throwable cause) {
		this(kind, path, detail, functionDidNotRun, cause, 0);
	}

	ConvexTransportException(FunctionKind kind, String path, String detail, boolean functionDidNotRun,
			@Nullable Throwable cause, int httpStatus) {
		super(kind, path, describe(kind, path) + ": " + detail, cause, null, httpStatus, List.of());
		this.functionDidNotRun = functionDidNotRun;
	}

	@Override
	public boolean functionDidNotRun() {
		return this.functionDidNotRun;
	}

}
