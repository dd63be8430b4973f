package io.convexspring.test.server;

/**
 * Decides whether the credentials a client presents are accepted; the default accepts every
 * token. Asked for every HTTP call with an {@code Authorization} header, for every
 * {@code Authenticate} message of type {@code User} or {@code Admin}, and again, as the backend
 * re-checks expiry, before each request and query update on a socket with such an identity.
 */
@FunctionalInterface
public interface TokenVerifier {

	/** Accepts every identity. */
	TokenVerifier ACCEPT_ALL = (identity) -> {
	};

	/**
	 * Checks an identity.
	 * @param identity a user or admin identity
	 * @throws RequestRefusedException to reject it, for instance
	 * {@code new RequestRefusedException(401, "TokenExpired", "...")}: an HTTP call is answered
	 * with that status and code, a sync socket gets an {@code AuthError} with the message and is
	 * closed ({@code authUpdateAttempted} true when rejecting an {@code Authenticate}, false when
	 * an identity already in use has become invalid)
	 */
	void verify(Identity identity);

}
