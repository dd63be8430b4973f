package io.convexspring.client;

import java.util.List;

/**
 * The function ran and failed with an error other than a {@code ConvexError}: an uncaught
 * exception, an argument validation error, an unknown function, a function of another kind.
 * Production deployments redact the message to {@code [Request ID: ...] Server Error}.
 */
public final class ConvexFunctionFailedException extends ConvexFunctionException {

	private final String serverMessage;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param serverMessage the server's {@code errorMessage}
	 * @param logLines the function's log lines
	 */
	public ConvexFunctionFailedException(FunctionKind kind, String path, String serverMessage, List<String> logLines) {
		this(kind, path, serverMessage, logLines, 200);
	}

	ConvexFunctionFailedException(FunctionKind kind, String path, String serverMessage, List<String> logLines,
			int httpStatus) {
		super(kind, path, describe(kind, path) + " failed: " + serverMessage, null, serverMessage, logLines,
				httpStatus);
		this.serverMessage = serverMessage;
	}

	/**
	 * Returns the server's message as it sent it.
	 * @return the message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

}
