package io.convexspring.client;

import org.jspecify.annotations.Nullable;

/**
 * The backend answered, but not with the Convex envelope: an HTML page from a proxy, an empty
 * or truncated body, an unknown {@code status}, or a value that breaks the lossless encoding.
 */
public final class ConvexMalformedResponseException extends ConvexTransportException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param httpStatus the response's HTTP status
	 * @param detail what was wrong with the body
	 * @param cause the underlying failure, if any
	 */
	public ConvexMalformedResponseException(FunctionKind kind, String path, int httpStatus, String detail,
			@Nullable Throwable cause) {
		super(kind, path, "the response (HTTP " + httpStatus + ") is not a Convex function result: " + detail, false,
				cause, httpStatus);
	}

}
