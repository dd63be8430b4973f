package io.convexspring.test.server;

/**
 * Decides whether the credentials a client presents are accepted; the default accepts every
 * token. Asked for every HTTP call with an {@code Authorization} header and for every
 * {@code Authenticate} message of type {@code User} or {@code Admin}.
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
	 * closed
	 */
	void verify(Identity identity);

}
