package io.convexspring.client;

import org.springframework.util.unit.DataSize;

/**
 * The response body is larger than {@code convex.max-response-size} allows. Convex limits a
 * return value to 16 MiB; raise the property if your functions return more in this encoding.
 */
public final class ConvexResponseTooLargeException extends ConvexTransportException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param limit the configured limit
	 * @param cause the underlying failure
	 */
	public ConvexResponseTooLargeException(FunctionKind kind, String path, DataSize limit, Throwable cause) {
		super(kind, path, "the response is larger than the limit of " + limit.toBytes()
				+ " bytes; raise convex.max-response-size to accept larger results", false, cause);
	}

}
