package io.convexspring.test.server;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Who a call runs as: anonymous, a user (a JWT, {@code Authorization: Bearer} over HTTP,
 * {@code Authenticate} of type {@code User} over the sync protocol) or an admin (a deploy key,
 * {@code Authorization: Convex}, type {@code Admin}). The token is kept for
 * {@link TokenVerifier}s and handlers but never shown by {@link #toString()}.
 */
public final class Identity {

	private static final Identity ANONYMOUS = new Identity(Kind.ANONYMOUS, null);

	private final Kind kind;

	private final @Nullable String token;

	private Identity(Kind kind, @Nullable String token) {
		this.kind = kind;
		this.token = token;
	}

	/**
	 * Returns the identity of a call without credentials.
	 * @return the anonymous identity
	 */
	public static Identity anonymous() {
		return ANONYMOUS;
	}

	/**
	 * Creates a user identity.
	 * @param token the user's JWT (or any token string)
	 * @return the identity
	 */
	public static Identity user(String token) {
		return new Identity(Kind.USER, Objects.requireNonNull(token, "token"));
	}

	/**
	 * Creates an admin identity.
	 * @param key the deploy key, possibly followed by {@code :<acting-as identity>} as sent over
	 * HTTP
	 * @return the identity
	 */
	public static Identity admin(String key) {
		return new Identity(Kind.ADMIN, Objects.requireNonNull(key, "key"));
	}

	/**
	 * Returns what kind of identity this is.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the JWT or deploy key as the client sent it.
	 * @return the token, {@code null} when anonymous
	 */
	public @Nullable String token() {
		return this.token;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Identity that && this.kind == that.kind && Objects.equals(this.token, that.token);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.token);
	}

	/** Names the kind only: tokens never appear in test output or logs. */
	@Override
	public String toString() {
		return "Identity[" + this.kind + "]";
	}

	/** The kinds of identity. */
	public enum Kind {

		/** No credentials. */
		ANONYMOUS,

		/** A user's JWT. */
		USER,

		/** A deploy (admin) key. */
		ADMIN

	}

}
