package io.convexspring;

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
			.doesNotContain("Authorization")
			.doesNotContain("Bearer");
	}

}
