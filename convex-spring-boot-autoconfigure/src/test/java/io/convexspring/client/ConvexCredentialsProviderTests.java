package io.convexspring.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import io.convexspring.state.ConvexActionHandle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Credentials asked of a {@link ConvexCredentialsProvider} per call, as the call is sent, and
 * the one refresh after the backend refuses a token as expired.
 */
class ConvexCredentialsProviderTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private static final ConvexAction<Args, String> SEND = ConvexAction.of("emails:send", Args.class, String.class);

	private static final Args ARGS = new Args("ada@example.com");

	private final ConvexTransport transport = ConvexTransport.builder(convex.baseUrl()).build();

	private void answerEveryCall() {
		for (String endpoint : List.of("action", "mutation", "query")) {
			convex.stubFor(post("/api/" + endpoint).willReturn(okJson(Wire.success("\"ok\""))));
		}
	}

	private static void refuse(String token, String code) {
		convex.stubFor(post("/api/action").withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody(Wire.refusal(code, "Token " + token + " refused"))));
	}

	private static List<String> sentAuthorizations() {
		return convex.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.map((LoggedRequest request) -> request.getHeader("Authorization"))
			.toList();
	}

	/** Answers token-1, token-2, ... and records whether each ask forced a refresh. */
	private static final class CountingProvider implements ConvexCredentialsProvider {

		final AtomicInteger asked = new AtomicInteger();

		final List<Boolean> refreshes = new CopyOnWriteArrayList<>();

		@Override
		public Mono<ConvexCredentials> credentials(boolean forceRefresh) {
			return Mono.fromSupplier(() -> {
				this.refreshes.add(forceRefresh);
				return ConvexCredentials.userToken("token-" + this.asked.incrementAndGet());
			});
		}

	}

	@Test
	void providerIsAskedForEveryCallAsItIsSubscribed() {
		answerEveryCall();
		CountingProvider provider = new CountingProvider();
		ConvexActionClient client = new ConvexActionClient(this.transport).withCredentials(provider);
		Mono<String> call = client.execute(SEND, ARGS);
		assertThat(provider.asked).hasValue(0);
		assertThat(call.block()).isEqualTo("ok");
		assertThat(call.block()).isEqualTo("ok");
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(provider.refreshes).containsExactly(false, false);
	}

	@Test
	void everyClientAndTheActionHandleCallWithTheirProvider() {
		answerEveryCall();
		CountingProvider provider = new CountingProvider();
		new ConvexMutationClient(this.transport).withCredentials(provider)
			.executeBlocking(ConvexMutation.of("orders:save", Args.class, String.class), ARGS);
		new ConvexQueryClient(this.transport).withCredentials(provider)
			.executeBlocking(ConvexQuery.of("orders:list", Args.class, String.class), ARGS);
		ConvexActionHandle<Args, String> handle = new ConvexActionClient(this.transport).action(SEND)
			.withCredentials(provider);
		assertThat(handle.executeBlocking(ARGS)).isEqualTo("ok");
		assertThat(handle.withUserToken("Bearer handle-token").executeBlocking(ARGS)).isEqualTo("ok");
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-3",
				"Bearer handle-token");
	}

	@Test
	void transportsDefaultProviderIsWhatClientsUseUnlessBoundToOther() {
		answerEveryCall();
		CountingProvider provider = new CountingProvider();
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl()).credentialsProvider(provider).build();
		ConvexQueryClient queries = new ConvexQueryClient(transport);
		queries.executeBlocking("orders:list", ARGS, String.class);
		queries.withCredentials(ConvexCredentials.deployKey("prod:otter|key"))
			.executeBlocking("orders:list", ARGS, String.class);
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Convex prod:otter|key");
		assertThat(queries.credentialsProvider()).isSameAs(provider);
		assertThat(transport.defaultCredentialsProvider()).isSameAs(provider);
		assertThatIllegalStateException().isThrownBy(queries::credentials).withMessageContaining("credentialsProvider()");
		assertThatIllegalStateException().isThrownBy(transport::defaultCredentials);
	}

	@Test
	void emptyAnswerMeansAnonymous() {
		answerEveryCall();
		new ConvexActionClient(this.transport).withCredentials((forceRefresh) -> Mono.empty())
			.executeBlocking(SEND, ARGS);
		assertThat(sentAuthorizations()).containsExactly((String) null);
	}

	@Test
	void providerErrorFailsTheCallTypedWithoutSendingAnything() {
		answerEveryCall();
		ConvexActionClient client = new ConvexActionClient(this.transport);
		for (ConvexCredentialsProvider failing : List.<ConvexCredentialsProvider>of(
				(forceRefresh) -> Mono.error(new IllegalStateException("token service said secret-7f3a")),
				(forceRefresh) -> {
					throw new IllegalStateException("token service said secret-7f3a");
				}, (forceRefresh) -> null)) {
			assertThatExceptionOfType(ConvexAuthenticationException.class)
				.isThrownBy(() -> client.withCredentials(failing).executeBlocking(SEND, ARGS))
				.satisfies((ex) -> {
					assertThat(ex.functionDidNotRun()).isTrue();
					assertThat(ex.httpStatus()).isEmpty();
					assertThat(ex.functionPath()).isEqualTo("emails:send");
					assertThat(ex.getMessage()).startsWith("Action emails:send was not sent: its credentials provider failed")
						.doesNotContain("secret-7f3a");
				});
		}
		assertThat(sentAuthorizations()).isEmpty();
	}

	@Test
	void expiredTokenIsRefreshedOnceAndTheCallRepeated() {
		answerEveryCall();
		refuse("token-1", "TokenExpired");
		CountingProvider provider = new CountingProvider();
		String result = new ConvexActionClient(this.transport).withCredentials(provider).executeBlocking(SEND, ARGS);
		assertThat(result).isEqualTo("ok");
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(provider.refreshes).containsExactly(false, true);
	}

	@Test
	void refreshedTokenRefusedAgainFailsAfterOneRepeat() {
		refuse("token-1", "TokenExpired");
		refuse("token-2", "TokenExpired");
		refuse("token-3", "TokenExpired");
		CountingProvider provider = new CountingProvider();
		assertThatExceptionOfType(ConvexAuthenticationException.class)
			.isThrownBy(() -> new ConvexActionClient(this.transport).withCredentials(provider)
				.executeBlocking(SEND, ARGS))
			.satisfies((ex) -> {
				assertThat(ex.code()).hasValue("TokenExpired");
				assertThat(ex.httpStatus()).hasValue(401);
			});
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(provider.refreshes).containsExactly(false, true);
	}

	@Test
	void otherCredentialRefusalsAreNotRefreshed() {
		refuse("token-1", "InvalidAuthHeader");
		CountingProvider provider = new CountingProvider();
		assertThatExceptionOfType(ConvexAuthenticationException.class)
			.isThrownBy(() -> new ConvexActionClient(this.transport).withCredentials(provider)
				.executeBlocking(SEND, ARGS))
			.satisfies((ex) -> assertThat(ex.code()).hasValue("InvalidAuthHeader"));
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1");
		assertThat(provider.refreshes).containsExactly(false);
	}

	@Test
	void fixedTokenRefusedAsExpiredIsNotSentTwice() {
		refuse("fixed", "TokenExpired");
		assertThatExceptionOfType(ConvexAuthenticationException.class)
			.isThrownBy(() -> new ConvexActionClient(this.transport).withUserToken("fixed").executeBlocking(SEND, ARGS));
		assertThat(sentAuthorizations()).containsExactly("Bearer fixed");
	}

	@Test
	void repeatsOfTheRetryPolicyReuseTheCredentialsTheProviderGaveOnce() {
		convex.stubFor(post("/api/query").inScenario("busy")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody(Wire.refusal("Busy", "try again")))
			.willSetStateTo("free"));
		convex.stubFor(post("/api/query").inScenario("busy")
			.whenScenarioStateIs("free")
			.willReturn(okJson(Wire.success("\"ok\""))));
		ConvexTransport retrying = ConvexTransport.builder(convex.baseUrl())
			.retryPolicy(ConvexRetryPolicy.of(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50), 0))
			.build();
		CountingProvider provider = new CountingProvider();
		// a provider reading a thread-bound context must not be asked again on the timer thread of a repeat
		assertThat(new ConvexQueryClient(retrying).withCredentials(provider)
			.executeBlocking("orders:list", ARGS, String.class)).isEqualTo("ok");
		assertThat(sentAuthorizations()).containsExactly("Bearer token-1", "Bearer token-1");
		assertThat(provider.asked).hasValue(1);
	}

	record Args(String to) {
	}

}
