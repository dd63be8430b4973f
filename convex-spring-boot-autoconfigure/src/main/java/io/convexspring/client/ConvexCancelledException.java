package io.convexspring.client;

import java.util.List;

/**
 * The caller stopped waiting: the blocking call was interrupted or reached its bound. The HTTP
 * request was cancelled; the function may have run.
 */
public final class ConvexCancelledException extends ConvexException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param reason why the call was cancelled
	 * @param cause the underlying failure, if any
	 */
	public ConvexCancelledException(FunctionKind kind, String path, String reason, Throwable cause) {
		super(kind, path, describe(kind, path) + " was cancelled: " + reason, cause, null, 0, List.of());
	}

	@Override
	public boolean functionDidNotRun() {
		return false;
	}

}
