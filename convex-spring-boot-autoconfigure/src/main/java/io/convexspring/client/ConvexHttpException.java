package io.convexspring.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The backend refused the request over HTTP, with a status other than 200 and a body
 * {@code {"code": ..., "message": ...}} where it sent one: a malformed request (400), rate
 * limiting (429), overload (503), an internal error (500), its own request timeout (408).
 * Credentials problems (401, 403) are {@link ConvexAuthenticationException}.
 */
public sealed class ConvexHttpException extends ConvexException permits ConvexAuthenticationException {

	private final @Nullable String serverMessage;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param status the HTTP status
	 * @param code the backend's error code, if it sent one
	 * @param serverMessage the backend's message, if it sent one
	 */
	public ConvexHttpException(FunctionKind kind, String path, int status, @Nullable String code,
			@Nullable String serverMessage) {
		this(kind, path, status, code, serverMessage, null);
	}

	ConvexHttpException(FunctionKind kind, String path, int status, @Nullable String code,
			@Nullable String serverMessage, @Nullable Duration retryAfter) {
		super(kind, path, message(kind, path, status, code, serverMessage), null, code, status, List.of());
		this.serverMessage = serverMessage;
		this.retryAfter = retryAfter;
	}

	ConvexHttpException(FunctionKind kind, String path, String message, @Nullable Throwable cause) {
		super(kind, path, message, cause, null, 0, List.of());
		this.serverMessage = null;
		this.retryAfter = null;
	}

	private static String message(FunctionKind kind, String path, int status, @Nullable String code,
			@Nullable String serverMessage) {
		return describe(kind, path) + " was refused with HTTP " + status + ((code != null) ? " " + code : "")
				+ ((serverMessage != null && !serverMessage.isBlank()) ? ": " + serverMessage : "");
	}

	/**
	 * Returns the backend's message, if it sent one.
	 * @return the message, or {@code null}
	 */
	public @Nullable String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * Returns how long the backend asked to wait before trying again ({@code Retry-After}),
	 * where it said.
	 * @return the wait, if the response had one
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public boolean functionDidNotRun() {
		int status = httpStatus().orElse(0);
		return status == 400 || status == 401 || status == 403 || status == 404 || status == 429 || status == 503;
	}

}
