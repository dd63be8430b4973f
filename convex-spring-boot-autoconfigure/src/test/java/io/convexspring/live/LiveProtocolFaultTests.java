package io.convexspring.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;
import io.convexspring.live.ConnectionState.Phase;
import io.convexspring.live.LiveFixtures.Channel;
import io.convexspring.live.LiveFixtures.Message;

import static io.convexspring.live.LiveFixtures.LIST;
import static io.convexspring.live.LiveFixtures.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that breaks the protocol, goes silent, or ends the session: what the client does
 * about it, on real sockets to the scripted server.
 */
class LiveProtocolFaultTests {

	private final SyncTestServer server = SyncTestServer.start();

	private ConvexLiveClient live = LiveFixtures.client(this.server).build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	private ScriptedSocket subscribed(Collected<?> subscriber) {
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		return socket;
	}

	@Test
	void aFatalErrorFailsEverySubscriberAndCallAndStopsReconnecting() {
		this.live = LiveFixtures.client(this.server).backoff(Duration.ofMillis(50), Duration.ofSeconds(3)).build();
		Collected<List<String>> first = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		Collected<QueryResult<List<String>>> second = Collected
			.of(this.live.subscribeResults(LIST, new Channel("random")));
		ScriptedSocket socket = subscribed(first);
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "x")).toFuture();
		socket.nextAfterQuerySets("Mutation");
		socket.send(Frames.fatalError("Base version 7 passed up doesn't match the current version 1"));
		socket.close(1000, "");
		assertThat(first.error()).isInstanceOfSatisfying(ConvexTransportException.class, (ex) -> {
			assertThat(ex.functionKind()).isEqualTo(FunctionKind.QUERY);
			assertThat(ex).hasMessageContaining("messages:list").hasMessageContaining("Base version 7");
		});
		assertThat(second.error()).isInstanceOf(ConvexTransportException.class);
		assertThat(sent).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(ConvexTransportException.class);
		assertThat(this.live.state().phase()).isEqualTo(Phase.FAILED);
		assertThat(this.live.state().reason()).contains("Base version 7");
		// until the longest backoff has passed, new calls fail at once too
		Collected<List<String>> soon = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		assertThat(soon.error()).isInstanceOf(ConvexTransportException.class).hasMessageContaining("fatal error");
		assertThat(this.server.acceptsWithin(Duration.ofSeconds(1))).as("no reconnect").isFalse();
		// then a new call starts a new session, never a loop of reconnects; the window is counted
		// from the close, which a loaded machine may handle a little after the fatal error
		await().pollDelay(Duration.ofSeconds(3)).atMost(SyncTestServer.WAIT).until(() -> true);
		Collected.of(this.live.subscribe(LIST, new Channel("general")));
		assertThat(this.server.accept().next("Connect").get("connectionCount").asInt()).isZero();
	}

	@Test
	void aChunkedTransitionIsReassembled() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		String whole = Frames.transition(StateVersion.INITIAL, new StateVersion(1, 0, 100),
				Frames.updated(0, "[\"one\",\"two\",\"three\"]"));
		List<String> parts = List.of(whole.substring(0, 40), whole.substring(40, 90), whole.substring(90));
		for (int i = 0; i < parts.size(); i++) {
			socket.send(chunk(parts.get(i), i, parts.size(), "t1"));
		}
		assertThat(messages.next()).containsExactly("one", "two", "three");
	}

	@Test
	void chunksInterruptedByAnotherMessageAreDiscarded() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		String whole = Frames.transition(StateVersion.INITIAL, new StateVersion(1, 0, 100),
				Frames.updated(0, "[\"lost\"]"));
		socket.send(chunk(whole.substring(0, 50), 0, 2, "t1"));
		socket.send(Frames.ping());
		socket.send(chunk(whole.substring(50), 1, 2, "t1"));
		assertThat(messages.nothingWithin(Duration.ofMillis(300))).isTrue();
		socket.transition(StateVersion.INITIAL, new StateVersion(1, 0, 200), Frames.updated(0, "[\"kept\"]"));
		assertThat(messages.next()).containsExactly("kept");
		assertThat(this.server.acceptsWithin(Duration.ofMillis(100))).isFalse();
	}

	@Test
	void aTransitionFromTheWrongVersionReconnectsWithoutTheSubscriberNoticing() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		socket.transition(100, Frames.updated(0, "[\"a\"]"));
		assertThat(messages.next()).containsExactly("a");
		socket.transition(new StateVersion(1, 0, 50), new StateVersion(1, 0, 200), Frames.updated(0, "[\"bad\"]"));
		ScriptedSocket second = this.server.accept();
		assertThat(second.next("Connect").get("lastCloseReason").asString()).isEqualTo("StartVersionMismatch");
		second.next("ModifyQuerySet");
		second.transition(300, Frames.updated(0, "[\"a\",\"b\"]"));
		assertThat(messages.next()).containsExactly("a", "b");
		assertThat(messages.isEnded()).isFalse();
	}

	@Test
	void aMalformedFrameReconnects() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		socket.send("{\"type\":\"Transition\",\"startVersion\":");
		ScriptedSocket second = this.server.accept();
		assertThat(second.next("Connect").get("lastCloseReason").asString()).isEqualTo("MalformedMessage");
	}

	@Test
	void unknownMessagesAndResponsesForUnknownRequestsAreIgnored() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		socket.send("{\"type\":\"SomethingNew\",\"detail\":{\"x\":1}}");
		socket.send(Frames.mutationSuccess(42, "\"nobody asked\"", 10));
		socket.send(Frames.actionSuccess(43, "\"nobody asked\""));
		socket.transition(100, Frames.updated(0, "[\"fine\"]"));
		assertThat(messages.next()).containsExactly("fine");
		assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).isFalse();
	}

	@Test
	void pingsKeepASocketAliveAndSilenceReopensIt() {
		this.live = LiveFixtures.client(this.server).inactivityTimeout(Duration.ofSeconds(2)).build();
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		// a ping every 200 ms for longer than the timeout: generous, for a loaded machine
		for (int i = 0; i < 14; i++) {
			socket.send(Frames.ping());
			assertThat(this.server.acceptsWithin(Duration.ofMillis(200))).isFalse();
		}
		ScriptedSocket second = this.server.accept();
		assertThat(second.next("Connect").get("lastCloseReason").asString()).isEqualTo("InactiveServer");
	}

	@Test
	void webSocketPingsAreAnswered() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		socket.ping();
		await().atMost(SyncTestServer.WAIT).until(() -> socket.pongs() > 0);
	}

	@Test
	void aMessageBeyondTheSizeLimitReopensTheSocket() {
		this.live = LiveFixtures.client(this.server).maxMessageSize(DataSize.ofKilobytes(1)).build();
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		socket.transition(100, Frames.updated(0, "[\"" + "x".repeat(4000) + "\"]"));
		ScriptedSocket second = this.server.accept();
		second.next("Connect");
		second.next("ModifyQuerySet");
		second.transition(100, Frames.updated(0, "[\"small\"]"));
		assertThat(messages.next()).containsExactly("small");
	}

	@Test
	void anIdleSocketClosesAndTheNextSubscriptionOpensANewOne() {
		this.live = LiveFixtures.client(this.server).idleTimeout(Duration.ofMillis(300)).build();
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		messages.cancel();
		socket.next("ModifyQuerySet");
		assertThat(socket.awaitClosed(SyncTestServer.WAIT)).isTrue();
		assertThat(socket.closeStatus()).isNotNull();
		assertThat(socket.closeStatus().code()).isEqualTo(1000);
		await().atMost(SyncTestServer.WAIT).until(() -> this.live.state().equals(ConnectionState.CLOSED));
		Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket again = this.server.accept();
		assertThat(again.next("Connect").get("connectionCount").asInt()).isZero();
	}

	@Test
	void closingTheClientCompletesSubscriptionsFailsCallsAndClosesTheSocket() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = subscribed(messages);
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "x")).toFuture();
		socket.next("Mutation");
		this.live.close();
		messages.completed();
		assertThat(sent).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTransportException.class, (ex) -> assertThat(ex.functionDidNotRun()).isFalse());
		assertThat(socket.awaitClosed(SyncTestServer.WAIT)).isTrue();
		Collected<List<String>> refused = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		assertThat(refused.error()).isInstanceOf(ConvexTransportException.class).hasMessageContaining("closed");
	}

	@Test
	void closingTheClientFailsASnapshotStillWaitingForItsResults() {
		CompletableFuture<ConvexLiveSnapshot> snapshot = this.live.snapshot(LiveQuery.of(LIST, new Channel("general")))
			.toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		this.live.close();
		assertThat(snapshot).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTransportException.class,
					(ex) -> assertThat(ex.functionPath()).isEqualTo("messages:list"));
	}

	@Test
	void aCallTheServerNeverAnswersFailsAtItsKindsDeadline() {
		this.live.close();
		this.live = ConvexLiveClient.builder(ConvexTransport.builder(this.server.url())
			// long enough for a cold client to connect on a loaded machine
			.timeout(FunctionKind.MUTATION, Duration.ofSeconds(2))
			.timeout(FunctionKind.ACTION, Duration.ofSeconds(2))
			.build()).build();
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "x")).toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.next("Mutation");
		CompletableFuture<String> translated = this.live.action(LiveFixtures.TRANSLATE, new Message("general", "x"))
			.toFuture();
		socket.next("Action");
		// the socket stays healthy: the server pings, but never answers either call
		socket.send(Frames.ping());
		assertThat(sent).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTimeoutException.class,
					(ex) -> assertThat(ex.functionPath()).isEqualTo("messages:send"));
		assertThat(translated).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTimeoutException.class,
					(ex) -> assertThat(ex.functionPath()).isEqualTo("messages:translate"));
	}

	@Test
	void aSentMutationWhoseCallerGaveUpLetsTheSocketIdle() {
		this.live.close();
		this.live = ConvexLiveClient.builder(ConvexTransport.builder(this.server.url())
			.timeout(FunctionKind.MUTATION, Duration.ofSeconds(2))
			.build()).idleTimeout(Duration.ofMillis(300)).build();
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "x")).toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.next("Mutation");
		assertThat(sent).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(ConvexTimeoutException.class);
		assertThat(socket.awaitClosed(SyncTestServer.WAIT)).as("the socket, with nothing left to do, closes when idle")
			.isTrue();
	}

	@Test
	void aSnapshotWhoseQueriesNeverGetAResultFailsAtTheQueryDeadlineAndLeavesThem() {
		this.live.close();
		this.live = ConvexLiveClient.builder(ConvexTransport.builder(this.server.url())
			.timeout(FunctionKind.QUERY, Duration.ofSeconds(2))
			.build()).build();
		CompletableFuture<ConvexLiveSnapshot> snapshot = this.live.snapshot(LiveQuery.of(LIST, new Channel("general")))
			.toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.send(Frames.ping());
		assertThat(snapshot).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexTimeoutException.class,
					(ex) -> assertThat(ex.functionPath()).isEqualTo("messages:list"));
		assertThat(socket.next("ModifyQuerySet").get("modifications").toString()).contains("Remove");
	}

	private static String chunk(String part, int number, int total, String id) {
		JsonNode text = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(part);
		return "{\"type\":\"TransitionChunk\",\"chunk\":" + text + ",\"partNumber\":" + number + ",\"totalParts\":"
				+ total + ",\"transitionId\":\"" + id + "\"}";
	}

}
