package io.convexspring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ConvexCredentials}: the {@code Authorization} header each kind sends, and secrecy.
 */
class ConvexCredentialsTests {

	private static final String DEPLOY_KEY = "prod:happy-otter-123|eyJ2MiI6ImFiYyJ9";

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.sig";

	@Test
	void noneSendsNoAuthorization() {
		assertThat(ConvexCredentials.none().authorization()).isNull();
		assertThat(ConvexCredentials.none().kind()).isEqualTo(ConvexCredentials.Kind.NONE);
		assertThat(ConvexCredentials.none()).hasToString("ConvexCredentials[NONE]");
	}

	@Test
	void deployKeySendsConvexAuthorization() {
		ConvexCredentials credentials = ConvexCredentials.deployKey(DEPLOY_KEY);
		assertThat(credentials.authorization()).isEqualTo("Convex " + DEPLOY_KEY);
		assertThat(credentials.kind()).isEqualTo(ConvexCredentials.Kind.DEPLOY_KEY);
	}

	@Test
	void userTokenSendsBearerAuthorization() {
		ConvexCredentials credentials = ConvexCredentials.userToken(TOKEN);
		assertThat(credentials.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(credentials.kind()).isEqualTo(ConvexCredentials.Kind.USER_TOKEN);
	}

	@Test
	void surroundingWhitespaceIsStripped() {
		assertThat(ConvexCredentials.deployKey("  " + DEPLOY_KEY + " ").authorization())
			.isEqualTo("Convex " + DEPLOY_KEY);
	}

	@Test
	void toStringNeverShowsTheSecret() {
		for (ConvexCredentials credentials : new ConvexCredentials[] { ConvexCredentials.deployKey(DEPLOY_KEY),
				ConvexCredentials.userToken(TOKEN) }) {
			assertThat(credentials.toString()).doesNotContain(DEPLOY_KEY)
				.doesNotContain(TOKEN)
				.doesNotContain("eyJ")
				.contains(credentials.kind().name())
				.contains("******");
		}
	}

	@Test
	void blankSecretsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.deployKey(" "))
			.withMessage("The Convex deploy key must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.userToken(""))
			.withMessage("The Convex user token must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.userToken(null));
	}

	@Test
	void secretWithControlCharactersIsRefusedWithoutEchoingIt() {
		String smuggled = "abc\r\nX-Injected: yes";
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.userToken(smuggled))
			.withMessage("The Convex user token must not contain control characters")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("abc"));
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.deployKey("key\u0000"));
	}

	@Test
	void equalCredentialsAreEqual() {
		assertThat(ConvexCredentials.userToken(TOKEN)).isEqualTo(ConvexCredentials.userToken(TOKEN))
			.hasSameHashCodeAs(ConvexCredentials.userToken(TOKEN))
			.isNotEqualTo(ConvexCredentials.userToken(TOKEN + "x"))
			.isNotEqualTo(ConvexCredentials.deployKey(TOKEN))
			.isNotEqualTo(ConvexCredentials.none());
	}

}
