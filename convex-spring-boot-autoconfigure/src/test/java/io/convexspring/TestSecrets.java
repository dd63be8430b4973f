package io.convexspring;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deploy key and a user token for tests that prove no secret reaches a log, and the check
 * itself: neither the secrets, nor their distinctive parts, nor an {@code Authorization} header.
 */
public final class TestSecrets {

	/** A deploy key whose secret part is recognizable on its own. */
	public static final String DEPLOY_KEY = "prod:happy-otter-123|eyJ2MiI6InNlY3JldC1kZXBsb3kta2V5In0=";

	/** A user's JWT whose signature is recognizable on its own. */
	public static final String USER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";

	/** The subject of an identity a deploy key acts as: an identity is as secret as a key. */
	public static final String IDENTITY_SUBJECT = "user-acting-as-7f3a";

	/** The identity a deploy key acts as, with the subject and an email that must not be logged. */
	public static final Map<String, Object> IDENTITY = Map.of("subject", IDENTITY_SUBJECT, "issuer",
			"https://issuer.example", "email", "acting-as-ada@example.com");

	private TestSecrets() {
	}

	/**
	 * Asserts that a text (captured output) shows no secret.
	 * @param text the text
	 */
	public static void assertNoSecretIn(String text) {
		assertThat(text).doesNotContain(DEPLOY_KEY)
			.doesNotContain("eyJ2MiI6InNlY3JldC1kZXBsb3kta2V5In0")
			.doesNotContain(USER_TOKEN)
			.doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ")
			.doesNotContain(IDENTITY_SUBJECT)
			.doesNotContain("acting-as-ada@example.com")
			.doesNotContain(Base64.getEncoder().encodeToString(("\"subject\":\"" + IDENTITY_SUBJECT).getBytes()).substring(0, 12))
			.doesNotContain("Authorization")
			.doesNotContain("Bearer");
	}

}
