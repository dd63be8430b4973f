package io.convexspring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Who a call runs as: anonymous, an admin with a deploy key ({@code Authorization: Convex
 * <key>}, which may call internal functions), or a user with a JWT ({@code Authorization:
 * Bearer <token>}). The secret never shows in {@link #toString()}.
 */
public final class ConvexCredentials {

	private static final ConvexCredentials NONE = new ConvexCredentials(Kind.NONE, null);

	private final Kind kind;

	private final @Nullable String authorization;

	private ConvexCredentials(Kind kind, @Nullable String authorization) {
		this.kind = kind;
		this.authorization = authorization;
	}

	/**
	 * No credentials: public functions only.
	 * @return anonymous credentials
	 */
	public static ConvexCredentials none() {
		return NONE;
	}

	/**
	 * Admin credentials from a deploy key.
	 * @param deployKey the deploy key
	 * @return the credentials
	 * @throws IllegalArgumentException if the key is blank
	 */
	public static ConvexCredentials deployKey(String deployKey) {
		return new ConvexCredentials(Kind.DEPLOY_KEY, "Convex " + requireText(deployKey, "deploy key"));
	}

	/**
	 * A user's identity, from a JWT issued by the deployment's auth provider.
	 * @param token the JWT (without {@code Bearer })
	 * @return the credentials
	 * @throws IllegalArgumentException if the token is blank
	 */
	public static ConvexCredentials userToken(String token) {
		return new ConvexCredentials(Kind.USER_TOKEN, "Bearer " + requireText(token, "user token"));
	}

	private static String requireText(@Nullable String secret, String what) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("The Convex " + what + " must not be blank");
		}
		if (secret.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new IllegalArgumentException("The Convex " + what + " must not contain control characters");
		}
		return secret.strip();
	}

	/**
	 * Returns the kind of credentials.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/** The {@code Authorization} header value, or {@code null} for none. */
	@Nullable String authorization() {
		return this.authorization;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ConvexCredentials that) && this.kind == that.kind
				&& Objects.equals(this.authorization, that.authorization);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.authorization);
	}

	@Override
	public String toString() {
		return "ConvexCredentials[" + this.kind + ((this.kind != Kind.NONE) ? ", ******]" : "]");
	}

	/**
	 * The kinds of credentials.
	 */
	public enum Kind {

		/** Anonymous. */
		NONE,

		/** An admin deploy key. */
		DEPLOY_KEY,

		/** A user's JWT. */
		USER_TOKEN

	}

}
