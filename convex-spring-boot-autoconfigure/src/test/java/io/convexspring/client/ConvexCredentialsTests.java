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


	@Test
	void userTokenAcceptsAnExplicitBearerScheme() {
		assertThat(ConvexCredentials.userToken("Bearer " + TOKEN).authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(ConvexCredentials.userToken("bearer " + TOKEN)).isEqualTo(ConvexCredentials.userToken(TOKEN));
		assertThat(ConvexCredentials.userToken("Bearer " + TOKEN).secret()).isEqualTo(TOKEN);
	}

	@Test
	void userTokenWithAnotherSchemeIsRefusedWithoutEchoingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.userToken("Basic dXNlcjpwdw=="))
			.withMessageContaining("must be a JWT")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("dXNlcjpwdw"));
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexCredentials.userToken("Bearer "))
			.withMessage("The Convex user token must not be blank");
	}

	@Test
	void actingAsSendsTheKeyAndTheIdentityAsBase64Json() {
		ConvexCredentials credentials = ConvexCredentials.actingAs(DEPLOY_KEY,
				java.util.Map.of("subject", "user-1", "issuer", "https://auth.example.com"));
		String authorization = credentials.authorization();
		assertThat(authorization).startsWith("Convex " + DEPLOY_KEY + ":");
		String identity = new String(java.util.Base64.getDecoder()
			.decode(authorization.substring(("Convex " + DEPLOY_KEY + ":").length())),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(identity).contains("\"subject\":\"user-1\"").contains("\"issuer\":\"https://auth.example.com\"");
		assertThat(credentials.kind()).isEqualTo(ConvexCredentials.Kind.ACTING_AS);
		assertThat(credentials.secret()).isEqualTo(DEPLOY_KEY);
		assertThat(credentials.actingAs()).containsEntry("subject", "user-1");
		assertThat(credentials.toString()).doesNotContain("user-1").doesNotContain(DEPLOY_KEY);
	}

	@Test
	void actingAsNobodyIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConvexCredentials.actingAs(DEPLOY_KEY, java.util.Map.of("name", "Ada")))
			.withMessageContaining("tokenIdentifier");
	}

	@Test
	void expiryIsReadFromTheJwtExpClaim() {
		String payload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"sub\":\"u1\",\"exp\":1800000000}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ConvexCredentials credentials = ConvexCredentials.userToken("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig");
		assertThat(credentials.expiresAt()).contains(java.time.Instant.ofEpochSecond(1800000000L));
		assertThat(ConvexCredentials.userToken(TOKEN).expiresAt()).isEmpty();
		assertThat(ConvexCredentials.userToken("opaque-token").expiresAt()).isEmpty();
		assertThat(ConvexCredentials.deployKey(DEPLOY_KEY).expiresAt()).isEmpty();
	}

	@Test
	void fixedProvidersAnswerTheirCredentialsAndAreEqualByThem() {
		ConvexCredentialsProvider provider = ConvexCredentialsProvider.of(ConvexCredentials.userToken(TOKEN));
		assertThat(provider.credentials(false).block()).isEqualTo(ConvexCredentials.userToken(TOKEN));
		assertThat(provider.credentials(true).block()).isEqualTo(ConvexCredentials.userToken(TOKEN));
		assertThat(provider).isEqualTo(ConvexCredentialsProvider.of(ConvexCredentials.userToken(TOKEN)))
			.isNotEqualTo(ConvexCredentialsProvider.of(ConvexCredentials.none()));
		assertThat(provider.toString()).doesNotContain(TOKEN);
	}

}
