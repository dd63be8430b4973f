package io.convexspring.client;

import org.jspecify.annotations.Nullable;

/**
 * The backend refused the credentials: an expired or invalid user token (401:
 * {@code TokenExpired}, {@code InvalidAuthHeader}, {@code Unauthenticated}, ...) or a wrong
 * deploy key (403: {@code BadDeployKey}). Catch it to re-authenticate.
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

}
