package io.convexspring.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.live.LiveFixtures.Channel;

import static io.convexspring.live.LiveFixtures.LIST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity on live sockets: Authenticate per kind of credentials, AuthError and a fresh token,
 * refresh before expiry, one socket per identity, the bound on sockets.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveAuthenticationTests {

	private final SyncTestServer server = SyncTestServer.start();

	private ConvexLiveClient live = LiveFixtures.client(this.server).build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void anAuthErrorAsksForFreshCredentialsAndReconnectsWithThem() {
		RecordingProvider provider = new RecordingProvider((force) -> force ? "token-b" : "token-a");
		Collected<List<String>> messages = Collected.of(this.live.withCredentials(provider).subscribe(LIST, new Channel("general")));
		ScriptedSocket first = this.server.accept();
		first.next("Connect");
		JsonNode authenticate = first.next("Authenticate");
		assertThat(authenticate.get("tokenType").asString()).isEqualTo("User");
		assertThat(authenticate.get("value").asString()).isEqualTo("token-a");
		first.next("ModifyQuerySet");
		first.send(Frames.authError("Could not verify token claim", 0, true));
		first.close(1000, "");
		ScriptedSocket second = this.server.accept();
		JsonNode connect = second.next("Connect");
		assertThat(connect.get("lastCloseReason").isNull()).as("a restart for auth, as npm's").isTrue();
		assertThat(connect.get("connectionCount").asInt()).isEqualTo(1);
		JsonNode fresh = second.next("Authenticate");
		assertThat(fresh.get("baseVersion").asInt()).isZero();
		assertThat(fresh.get("value").asString()).isEqualTo("token-b");
		second.next("ModifyQuerySet");
		second.transition(100, Frames.updated(0, "[\"mine\"]"));
		assertThat(messages.next()).containsExactly("mine");
		assertThat(provider.calls).containsExactly(false, true);
	}

	@Test
	void theSameCredentialsRefusedAgainContinueWithout() {
		RecordingProvider provider = new RecordingProvider((force) -> "token-a");
		Collected.of(this.live.withCredentials(provider).subscribe(LIST, new Channel("general")));
		ScriptedSocket first = this.server.accept();
		first.next("Connect");
		first.next("Authenticate");
		first.next("ModifyQuerySet");
		first.send(Frames.authError("expired", 0, false));
		ScriptedSocket second = this.server.accept();
		second.next("Connect");
		assertThat(second.next().path("type").asString()).as("no Authenticate: logged out").isEqualTo("ModifyQuerySet");
	}

	@Test
	void anAuthErrorAboutAnOlderIdentityIsIgnored() {
		String expiring = jwt(Instant.now().plusSeconds(3));
		RecordingProvider provider = new RecordingProvider((force) -> force ? "token-b" : expiring);
		this.live = LiveFixtures.client(this.server).credentials(provider).refreshLeeway(Duration.ofMillis(2900)).build();
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("Authenticate");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "[]"));
		messages.next();
		assertThat(socket.next("Authenticate").get("baseVersion").asInt()).isEqualTo(1);
		// identity 2 is the latest sent: an error about identity 0 is stale
		socket.send(Frames.authError("old", 0, true));
		assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).isFalse();
		socket.transition(200, Frames.updated(0, "[\"still\"]"));
		assertThat(messages.next()).containsExactly("still");
	}

	@Test
	void aUserTokenIsRefreshedBeforeItExpiresOnTheSameSocket() {
		String expiring = jwt(Instant.now().plusSeconds(3));
		String fresh = jwt(Instant.now().plusSeconds(3600));
		RecordingProvider provider = new RecordingProvider((force) -> force ? fresh : expiring);
		this.live = LiveFixtures.client(this.server).credentials(provider).refreshLeeway(Duration.ofMillis(2500)).build();
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		assertThat(socket.next("Authenticate").get("value").asString()).isEqualTo(expiring);
		socket.next("ModifyQuerySet");
		// identity 0 -> 1 accepts the token; its expiry, less the leeway, is half a second away
		socket.transition(100, Frames.updated(0, "[]"));
		messages.next();
		JsonNode refresh = socket.next("Authenticate");
		assertThat(refresh.get("baseVersion").asInt()).isEqualTo(1);
		assertThat(refresh.get("value").asString()).isEqualTo(fresh);
		assertThat(this.server.acceptsWithin(Duration.ofMillis(200))).as("no reconnect").isFalse();
	}

	@Test
	void anAdminActingAsAUserImpersonatesIt() {
		ConvexLiveClient asUser = this.live.withCredentials(ConvexCredentials.actingAs("prod:key|secret",
				java.util.Map.of("subject", "user-1", "issuer", "https://issuer.example")));
		asUser.subscribe(LIST, new Channel("general")).subscribe();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		JsonNode authenticate = socket.next("Authenticate");
		assertThat(authenticate.get("tokenType").asString()).isEqualTo("Admin");
		assertThat(authenticate.get("value").asString()).isEqualTo("prod:key|secret");
		assertThat(authenticate.at("/impersonating/subject").asString()).isEqualTo("user-1");
	}

	@Test
	void eachIdentityHasItsOwnSocketAndEqualCredentialsShareOne() {
		this.live.subscribe(LIST, new Channel("general")).subscribe();
		ScriptedSocket anonymous = this.server.accept();
		anonymous.next("Connect");
		assertThat(anonymous.next().path("type").asString()).isEqualTo("ModifyQuerySet");
		this.live.withCredentials(ConvexCredentials.userToken("token-a")).subscribe(LIST, new Channel("a")).subscribe();
		this.live.withCredentials(ConvexCredentials.userToken("token-a")).subscribe(LIST, new Channel("b")).subscribe();
		ScriptedSocket user = this.server.accept();
		user.next("Connect");
		user.next("Authenticate");
		JsonNode first = user.next("ModifyQuerySet");
		int adds = first.get("modifications").size();
		if (adds == 1) {
			user.next("ModifyQuerySet");
		}
		assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).as("one socket for equal credentials").isFalse();
	}

	@Test
	void socketsBeyondTheLimitAreRefusedWithAClearError() {
		this.live = LiveFixtures.client(this.server).maxSockets(1).build();
		this.live.subscribe(LIST, new Channel("general")).subscribe();
		Collected<List<String>> refused = Collected
			.of(this.live.withCredentials(ConvexCredentials.userToken("token-a")).subscribe(LIST, new Channel("general")));
		assertThat(refused.error()).isInstanceOf(ConvexTransportException.class)
			.hasMessageContaining("messages:list")
			.hasMessageContaining("convex.live.max-sockets");
	}

	@Test
	void noSecretReachesTheLogsWhenCredentialsAreRefused(CapturedOutput output) {
		RecordingProvider provider = new RecordingProvider((force) -> TestSecrets.USER_TOKEN);
		Collected.of(this.live.withCredentials(provider).subscribe(LIST, new Channel("general")));
		ConvexLiveClient admin = this.live.withCredentials(ConvexCredentials.deployKey(TestSecrets.DEPLOY_KEY));
		Collected.of(admin.subscribe(LIST, new Channel("general")));
		for (int i = 0; i < 2; i++) {
			ScriptedSocket socket = this.server.accept();
			socket.next("Connect");
			socket.next("Authenticate");
			socket.send(Frames.authError("Could not verify the token", 0, true));
		}
		this.server.accept().next("Connect");
		assertThat(output.getAll()).contains("refused the live socket's");
		assertThat(this.live.withCredentials(provider).state().toString() + provider + admin.summary()).isNotEmpty();
		TestSecrets.assertNoSecretIn(output.getAll() + provider + ConvexCredentialsProvider.of(
				ConvexCredentials.deployKey(TestSecrets.DEPLOY_KEY)) + admin.summary());
	}

	@Test
	void aFailingProviderFailsTheSubscriptionWithATypedException() {
		ConvexCredentialsProvider failing = (force) -> Mono.error(new IllegalStateException("no session"));
		Collected<List<String>> messages = Collected.of(this.live.withCredentials(failing).subscribe(LIST,
				new Channel("general")));
		assertThat(messages.error()).isInstanceOfSatisfying(ConvexTransportException.class, (ex) -> {
			assertThat(ex.functionPath()).isEqualTo("messages:list");
			assertThat(ex.functionDidNotRun()).isTrue();
			assertThat(ex).hasMessageContaining("credentials provider");
		});
		assertThat(this.server.acceptsWithin(Duration.ofMillis(200))).isFalse();
	}

	private static String jwt(Instant expiresAt) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(("{\"sub\":\"user-1\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
						+ expiresAt.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
				+ ".c2lnbmF0dXJl";
	}

	/** A provider of user tokens that records how it was asked. */
	static final class RecordingProvider implements ConvexCredentialsProvider {

		final List<Boolean> calls = new CopyOnWriteArrayList<>();

		private final Function<Boolean, String> tokens;

		RecordingProvider(Function<Boolean, String> tokens) {
			this.tokens = tokens;
		}

		@Override
		public Mono<ConvexCredentials> credentials(boolean forceRefresh) {
			return Mono.fromSupplier(() -> {
				this.calls.add(forceRefresh);
				return ConvexCredentials.userToken(this.tokens.apply(forceRefresh));
			});
		}

	}

}
