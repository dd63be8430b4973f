package io.convexspring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The backend refused the credentials: an expired or invalid user token (401:
 * {@code TokenExpired}, {@code InvalidAuthHeader}, {@code Unauthenticated}, ...) or a wrong
 * deploy key (403: {@code BadDeployKey}); or the call got no credentials to send, because its
 * {@link ConvexCredentialsProvider} failed (no HTTP status then, and nothing was sent). Catch
 * it to re-authenticate.
 */
public final class ConvexAuthenticationException extends ConvexHttpException {

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param status the HTTP status (401 or 403)
	 * @param code the backend's error code, if it sent one
	 * @param serverMessage the backend's message, if it sent one
	 */
	public ConvexAuthenticationException(FunctionKind kind, String path, int status, @Nullable String code,
			@Nullable String serverMessage) {
		super(kind, path, status, code, serverMessage);
	}

	/**
	 * Creates the exception for a call that got no credentials, so sent nothing.
	 * @param kind the function kind
	 * @param path the function path
	 * @param reason why there are no credentials
	 * @param cause the provider's failure
	 */
	public ConvexAuthenticationException(FunctionKind kind, String path, String reason, @Nullable Throwable cause) {
		super(kind, path, describe(kind, path) + " was not sent: " + reason, cause);
	}

	@Override
	public boolean functionDidNotRun() {
		return httpStatus().isEmpty() || super.functionDidNotRun();
	}

}
