package io.convexspring.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.convexspring.TestSecrets;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.SyncTimestamps;
import io.convexspring.live.ConnectionState.Phase;
import io.convexspring.live.LiveFixtures.Channel;
import io.convexspring.live.LiveFixtures.Message;

import static io.convexspring.live.LiveFixtures.LIST;
import static io.convexspring.live.LiveFixtures.SEND;
import static io.convexspring.live.LiveFixtures.TRANSLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconnects: what the client replays, in which order, and what its callers see (nothing but
 * the next values), on real sockets to the scripted server.
 */
class LiveReconnectTests {

	private final SyncTestServer server = SyncTestServer.start();

	private final ConvexLiveClient live = LiveFixtures.client(this.server)
		.credentials(ConvexCredentialsProvider.of(ConvexCredentials.deployKey(TestSecrets.DEPLOY_KEY)))
		.build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void aDroppedSocketReplaysConnectAuthenticateQueriesAndMutationsInOrder() throws Exception {
		Collected<ConnectionState> states = Collected.of(this.live.states());
		assertThat(states.next()).isEqualTo(ConnectionState.CLOSED);
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket first = this.server.accept();
		JsonNode connect = first.next("Connect");
		first.next("Authenticate");
		first.next("ModifyQuerySet");
		first.transition(100, Frames.updated(0, "[\"a\"]", "\"journal-1\""));
		assertThat(messages.next()).containsExactly("a");
		CompletableFuture<String> answered = this.live.mutation(SEND, new Message("general", "b")).toFuture();
		assertThat(first.next("Mutation").get("requestId").asInt()).isZero();
		first.send(Frames.mutationSuccess(0, "\"msg_b\"", 300));
		CompletableFuture<String> unanswered = this.live.mutation(SEND, new Message("general", "c")).toFuture();
		assertThat(first.next("Mutation").get("requestId").asInt()).isEqualTo(1);
		CompletableFuture<String> action = this.live.action(TRANSLATE, new Message("general", "d")).toFuture();
		assertThat(first.next("Action").get("requestId").asInt()).isEqualTo(2);

		first.drop();

		assertThat(action).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTransportException.class, (ex) -> {
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.ACTION);
				assertThat(ex.functionDidNotRun()).isFalse();
				assertThat(ex).hasMessageContaining("may or may not have run");
			});
		ScriptedSocket second = this.server.accept();
		JsonNode reconnect = second.next("Connect");
		assertThat(reconnect.get("sessionId")).isEqualTo(connect.get("sessionId"));
		assertThat(reconnect.get("connectionCount").asInt()).isEqualTo(1);
		assertThat(reconnect.get("lastCloseReason").asString()).isNotBlank().isNotEqualTo("InitialConnect");
		assertThat(reconnect.get("maxObservedTimestamp").asString()).isEqualTo(SyncTimestamps.encode(300));
		JsonNode authenticate = second.next("Authenticate");
		assertThat(authenticate.get("baseVersion").asInt()).isZero();
		assertThat(authenticate.get("tokenType").asString()).isEqualTo("Admin");
		JsonNode querySet = second.next("ModifyQuerySet");
		assertThat(querySet.get("baseVersion").asInt()).isZero();
		assertThat(querySet.get("newVersion").asInt()).isEqualTo(1);
		assertThat(querySet.get("modifications").toString()).isEqualTo("[{\"type\":\"Add\",\"queryId\":0,"
				+ "\"udfPath\":\"messages:list\",\"args\":[{\"name\":\"general\"}],\"journal\":\"journal-1\"}]");
		assertThat(second.next("Mutation").get("requestId").asInt()).isZero();
		assertThat(second.next("Mutation").get("requestId").asInt()).isEqualTo(1);
		assertThat(second.silentFor(Duration.ofMillis(300))).as("the action is not sent again").isTrue();

		second.send(Frames.mutationSuccess(0, "\"msg_b\"", 300));
		second.transition(400, Frames.updated(0, "[\"a\",\"b\",\"c\"]"));
		assertThat(messages.next()).containsExactly("a", "b", "c");
		assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo("msg_b");
		second.send(Frames.mutationSuccess(1, "\"msg_c\"", 400));
		assertThat(unanswered.get(10, TimeUnit.SECONDS)).isEqualTo("msg_c");
		assertThat(messages.isEnded()).as("no error across the reconnect").isFalse();
		assertThat(List.of(states.next(), states.next(), states.next()))
			.extracting(ConnectionState::phase)
			.containsExactly(Phase.CONNECTING, Phase.CONNECTED, Phase.RECONNECTING);
		assertThat(this.live.state().phase()).isEqualTo(Phase.CONNECTED);
	}

	@Test
	void aServerThatKeepsClosingIsRetriedWithGrowingAttemptsAndItsReason() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket first = this.server.accept();
		first.next("Connect");
		first.close(1011, "InternalServerError");
		ScriptedSocket second = this.server.accept();
		assertThat(second.next("Connect").get("lastCloseReason").asString()).isEqualTo("InternalServerError");
		second.close(1013, "TooManyConcurrentRequests");
		ScriptedSocket third = this.server.accept();
		JsonNode connect = third.next("Connect");
		assertThat(connect.get("lastCloseReason").asString()).isEqualTo("TooManyConcurrentRequests");
		assertThat(connect.get("connectionCount").asInt()).isEqualTo(2);
		third.next("Authenticate");
		third.next("ModifyQuerySet");
		third.transition(100, Frames.updated(0, "[\"finally\"]"));
		assertThat(messages.next()).containsExactly("finally");
	}

	@Test
	void aQueryWhoseLastSubscriberLeftHoldsNoResultAndIsAddedAnew() {
		Collected<List<String>> first = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("Authenticate");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "[\"old\"]"));
		assertThat(first.next()).containsExactly("old");
		first.cancel();
		socket.next("ModifyQuerySet");
		Collected<List<String>> again = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		JsonNode add = socket.next("ModifyQuerySet");
		assertThat(add.at("/modifications/0/queryId").asInt()).as("a new query id").isEqualTo(1);
		assertThat(again.nothingWithin(Duration.ofMillis(300))).as("the old result is gone").isTrue();
		socket.transition(200, Frames.removed(0), Frames.updated(1, "[\"new\"]"));
		assertThat(again.next()).containsExactly("new");
	}

	@Test
	void aCallMadeWhileReconnectingIsSentAfterTheReplay() throws Exception {
		ConvexLiveClient slow = LiveFixtures.client(this.server)
			.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
			.build();
		try {
			Collected<List<String>> messages = Collected.of(slow.subscribe(LIST, new Channel("general")));
			ScriptedSocket first = this.server.accept();
			first.next("Connect");
			first.next("ModifyQuerySet");
			first.close(1011, "InternalServerError");
			await().atMost(SyncTestServer.WAIT).until(() -> slow.state().phase() == Phase.RECONNECTING);
			CompletableFuture<String> action = slow.action(TRANSLATE, new Message("general", "hi")).toFuture();
			ScriptedSocket second = this.server.accept();
			second.next("Connect");
			second.next("ModifyQuerySet");
			JsonNode sent = second.next("Action");
			assertThat(sent.get("requestId").asInt()).isZero();
			second.send(Frames.actionSuccess(0, "\"salut\""));
			assertThat(action.get(10, TimeUnit.SECONDS)).isEqualTo("salut");
			assertThat(messages.isEnded()).isFalse();
		}
		finally {
			slow.close();
		}
	}

}
