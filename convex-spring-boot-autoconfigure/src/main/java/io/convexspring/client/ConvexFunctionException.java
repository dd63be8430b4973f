package io.convexspring.client;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The function ran and failed: it threw a {@code ConvexError}
 * ({@link ConvexApplicationException}) or failed otherwise ({@link ConvexFunctionFailedException}),
 * argument validation and unknown functions included.
 */
public abstract sealed class ConvexFunctionException extends ConvexException
		permits ConvexApplicationException, ConvexFunctionFailedException {

	private static final Pattern REQUEST_ID = Pattern.compile("^\\[Request ID: ([^\\]]+)\\]");

	private final @Nullable String requestId;

	ConvexFunctionException(FunctionKind kind, String path, String message, @Nullable String code,
			@Nullable String serverMessage, List<String> logLines, int httpStatus) {
		super(kind, path, message, null, code, httpStatus, logLines);
		this.requestId = requestId(serverMessage);
	}

	private static @Nullable String requestId(@Nullable String serverMessage) {
		if (serverMessage == null) {
			return null;
		}
		Matcher matcher = REQUEST_ID.matcher(serverMessage);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Returns the backend's request id, where the server's message carries one.
	 * @return the request id, if any
	 */
	public Optional<String> requestId() {
		return Optional.ofNullable(this.requestId);
	}

	@Override
	public boolean functionDidNotRun() {
		return false;
	}

}
