package io.convexspring.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who a call runs as: anonymous, an admin with a deploy key ({@code Authorization: Convex
 * <key>}, which may call internal functions), an admin acting as a user ({@code Convex
 * <key>:<base64 of the identity JSON>}), or a user with a JWT ({@code Authorization: Bearer
 * <token>}). The same value authenticates HTTP calls and live-query sockets (where it becomes
 * the sync protocol's {@code Authenticate}). Neither the secret nor the identity ever shows in
 * {@link #toString()}.
 *
 * @see ConvexCredentialsProvider
 */
public final class ConvexCredentials {

	private static final ConvexCredentials NONE = new ConvexCredentials(Kind.NONE, null, null, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BEARER = "Bearer ";

	private final Kind kind;

	private final @Nullable String secret;

	private final @Nullable Map<String, Object> actingAs;

	private final @Nullable String authorization;

	private ConvexCredentials(Kind kind, @Nullable String secret, @Nullable Map<String, Object> actingAs,
			@Nullable String authorization) {
		this.kind = kind;
		this.secret = secret;
		this.actingAs = actingAs;
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
		String key = requireText(deployKey, "deploy key");
		return new ConvexCredentials(Kind.DEPLOY_KEY, key, null, "Convex " + key);
	}

	/**
	 * Admin credentials acting as a user: functions run with admin rights and see
	 * {@code ctx.auth.getUserIdentity()} return the given identity, the way tests and admin
	 * tools call user-scoped functions. The identity's attributes are Convex's
	 * {@code UserIdentityAttributes} in camelCase: {@code tokenIdentifier} (or {@code issuer}
	 * and {@code subject}), {@code name}, {@code email} and so on, plus custom claims.
	 * @param deployKey the deploy key
	 * @param identity the identity's attributes
	 * @return the credentials
	 * @throws IllegalArgumentException if the key is blank, or the identity names no user
	 * (neither {@code tokenIdentifier} nor {@code subject} and {@code issuer})
	 */
	public static ConvexCredentials actingAs(String deployKey, Map<String, ?> identity) {
		String key = requireText(deployKey, "deploy key");
		Objects.requireNonNull(identity, "identity must not be null");
		boolean named = identity.get("tokenIdentifier") instanceof String
				|| (identity.get("subject") instanceof String && identity.get("issuer") instanceof String);
		if (!named) {
			throw new IllegalArgumentException("The identity to act as needs a 'tokenIdentifier', or a 'subject' "
					+ "and an 'issuer' (its attributes: " + identity.keySet() + ")");
		}
		Map<String, Object> attributes = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
		String encoded;
		try {
			encoded = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(attributes));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The identity to act as cannot be written as JSON: its attributes "
					+ "must be strings, numbers, booleans, lists or maps (" + attributes.keySet() + ")");
		}
		return new ConvexCredentials(Kind.ACTING_AS, key, attributes, "Convex " + key + ":" + encoded);
	}

	/**
	 * A user's identity, from a JWT issued by the deployment's auth provider.
	 * @param token the JWT; an explicit {@code Bearer } scheme in front of it is accepted
	 * @return the credentials
	 * @throws IllegalArgumentException if the token is blank, or holds whitespace after an
	 * optional {@code Bearer } scheme (another scheme, such as {@code Basic}, is not a JWT)
	 */
	public static ConvexCredentials userToken(String token) {
		String text = requireText(token, "user token");
		if (text.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)
				&& (text.length() == BEARER.length() - 1 || Character.isWhitespace(text.charAt(BEARER.length() - 1)))) {
			text = requireText(text.substring(BEARER.length() - 1), "user token");
		}
		if (text.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("The Convex user token must be a JWT, alone or after 'Bearer ': "
					+ "it holds whitespace, so it carries another scheme or is not a token");
		}
		return new ConvexCredentials(Kind.USER_TOKEN, text, null, BEARER + text);
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

	/**
	 * Returns the secret itself, for a transport to send: the deploy key for
	 * {@link Kind#DEPLOY_KEY} and {@link Kind#ACTING_AS}, the JWT for {@link Kind#USER_TOKEN}.
	 * Never log it.
	 * @return the secret, or {@code null} for {@link Kind#NONE}
	 */
	public @Nullable String secret() {
		return this.secret;
	}

	/**
	 * Returns the identity an admin acts as, for {@link Kind#ACTING_AS}. Never log it.
	 * @return the identity's attributes (unmodifiable), or {@code null} for other kinds
	 */
	public @Nullable Map<String, Object> actingAs() {
		return this.actingAs;
	}

	/**
	 * Returns when a user token expires, read (not verified) from the JWT's {@code exp} claim,
	 * so that a long-lived connection can ask for a fresh token before the backend refuses
	 * this one.
	 * @return the expiry; empty for other kinds, or a token that is not a JWT with {@code exp}
	 */
	public Optional<Instant> expiresAt() {
		if (this.kind != Kind.USER_TOKEN || this.secret == null) {
			return Optional.empty();
		}
		String[] parts = this.secret.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
			JsonNode exp = claims.get("exp");
			return (exp != null && exp.isNumber()) ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
					: Optional.empty();
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
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

		/** An admin deploy key acting as a user. */
		ACTING_AS,

		/** A user's JWT. */
		USER_TOKEN

	}

}
