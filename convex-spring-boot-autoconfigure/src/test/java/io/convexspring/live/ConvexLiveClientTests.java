package io.convexspring.live;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.FunctionKind;
import io.convexspring.live.LiveFixtures.Channel;
import io.convexspring.live.LiveFixtures.Message;

import static io.convexspring.live.LiveFixtures.COUNT;
import static io.convexspring.live.LiveFixtures.LIST;
import static io.convexspring.live.LiveFixtures.SEND;
import static io.convexspring.live.LiveFixtures.TRANSLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The live client against the scripted server when nothing goes wrong: what it sends, how
 * subscribers share queries, read-your-writes.
 */
class ConvexLiveClientTests {

	private final SyncTestServer server = SyncTestServer.start();

	private final ConvexLiveClient live = LiveFixtures.client(this.server).build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void opensNoSocketUntilSomethingSubscribes() {
		assertThat(this.live.state()).isEqualTo(ConnectionState.CLOSED);
		assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).isFalse();
	}

	@Test
	void subscribeConnectsAddsTheQueryAndEmitsEachResult() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		assertThat(socket.headers().get("Convex-Client")).startsWith("java-spring-");
		JsonNode connect = socket.next("Connect");
		assertThat(UUID.fromString(connect.get("sessionId").asString())).isNotNull();
		assertThat(connect.get("connectionCount").asInt()).isZero();
		assertThat(connect.get("lastCloseReason").asString()).isEqualTo("InitialConnect");
		assertThat(connect.has("maxObservedTimestamp")).isFalse();
		JsonNode querySet = socket.next("ModifyQuerySet");
		assertThat(querySet.get("baseVersion").asInt()).isZero();
		assertThat(querySet.get("newVersion").asInt()).isEqualTo(1);
		assertThat(querySet.get("modifications").toString())
			.isEqualTo("[{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"messages:list\",\"args\":[{\"name\":\"general\"}]}]");
		socket.transition(100, Frames.updated(0, "[\"hello\"]"));
		assertThat(messages.next()).containsExactly("hello");
		socket.transition(200, Frames.updated(0, "[\"hello\",\"again\"]"));
		assertThat(messages.next()).containsExactly("hello", "again");
		assertThat(this.live.state().phase()).isEqualTo(ConnectionState.Phase.CONNECTED);
	}

	@Test
	void subscribersToTheSameQueryShareOneAndTheLastToLeaveRemovesIt() {
		Collected<List<String>> first = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "[\"a\"]"));
		assertThat(first.next()).containsExactly("a");
		Collected<List<String>> late = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		// the late subscriber gets the latest value at once, with no second Add
		assertThat(late.next()).containsExactly("a");
		Collected<List<String>> other = Collected.of(this.live.subscribe(LIST, new Channel("random")));
		JsonNode add = socket.next("ModifyQuerySet");
		assertThat(add.get("baseVersion").asInt()).isEqualTo(1);
		assertThat(add.at("/modifications/0/queryId").asInt()).isEqualTo(1);
		first.cancel();
		assertThat(socket.silentFor(Duration.ofMillis(300))).as("no Remove while a subscriber is left").isTrue();
		socket.transition(200, Frames.updated(0, "[\"a\",\"b\"]"));
		assertThat(late.next()).containsExactly("a", "b");
		late.cancel();
		JsonNode remove = socket.next("ModifyQuerySet");
		assertThat(remove.get("baseVersion").asInt()).isEqualTo(2);
		assertThat(remove.get("modifications").toString()).isEqualTo("[{\"type\":\"Remove\",\"queryId\":0}]");
		other.cancel();
	}

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void argumentMapsWithTheSameEntriesInAnotherOrderShareOneQuery() {
		ConvexQuery<Map, List<String>> search = ConvexQuery.of("messages:search", Map.class,
				new ParameterizedTypeReference<List<String>>() {
				});
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("x", "1");
		inner.put("y", "2");
		Map<String, Object> ordered = new LinkedHashMap<>();
		ordered.put("channel", "general");
		ordered.put("filter", inner);
		Map<String, Object> innerReversed = new LinkedHashMap<>();
		innerReversed.put("y", "2");
		innerReversed.put("x", "1");
		Map<String, Object> reversed = new LinkedHashMap<>();
		reversed.put("filter", innerReversed);
		reversed.put("channel", "general");
		Collected<List<String>> first = Collected.of(this.live.subscribe(search, ordered));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		assertThat(socket.next("ModifyQuerySet").get("modifications")).hasSize(1);
		socket.transition(100, Frames.updated(0, "[\"a\"]"));
		assertThat(first.next()).containsExactly("a");
		Collected<List<String>> second = Collected.of(this.live.subscribe(search, reversed));
		assertThat(second.next()).as("the latest value of the shared query").containsExactly("a");
		assertThat(socket.silentFor(Duration.ofMillis(300))).as("no second Add for the same arguments").isTrue();
	}

	@Test
	void subscribersWithDifferentResultTypesShareTheQueryAndEachGetsItsType() {
		ConvexQuery<Channel, JsonNode> untyped = ConvexQuery.of("messages:list", Channel.class, JsonNode.class);
		Collected<List<String>> typed = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		Collected<JsonNode> tree = Collected.of(this.live.subscribe(untyped, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		assertThat(socket.next("ModifyQuerySet").get("modifications")).hasSize(1);
		socket.transition(100, Frames.updated(0, "[\"a\"]"));
		assertThat(typed.next()).containsExactly("a");
		assertThat(tree.next().toString()).isEqualTo("[\"a\"]");
		assertThat(socket.silentFor(Duration.ofMillis(200))).as("one Add for both").isTrue();
	}

	@Test
	void aMutationCompletesOnlyOnceATransitionShowsItsCommit() throws Exception {
		Collected<Long> count = Collected.of(this.live.subscribe(COUNT, null));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "{\"$integer\":\"AQAAAAAAAAA=\"}"));
		assertThat(count.next()).isEqualTo(1L);
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "hi")).toFuture();
		JsonNode mutation = socket.next("Mutation");
		assertThat(mutation.get("requestId").asInt()).isZero();
		assertThat(mutation.get("udfPath").asString()).isEqualTo("messages:send");
		assertThat(mutation.get("args").toString()).isEqualTo("[{\"channel\":\"general\",\"body\":\"hi\"}]");
		socket.send(Frames.mutationSuccess(0, "\"msg_1\"", 300));
		assertThat(socket.silentFor(Duration.ofMillis(300))).isTrue();
		assertThat(sent).as("not complete before a Transition reaches ts 300").isNotDone();
		socket.transition(250);
		assertThat(socket.silentFor(Duration.ofMillis(200))).isTrue();
		assertThat(sent).isNotDone();
		socket.transition(300, Frames.updated(0, "{\"$integer\":\"AgAAAAAAAAA=\"}"));
		assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo("msg_1");
		assertThat(count.next()).isEqualTo(2L);
	}

	@Test
	void aMutationCompletesAtOnceWhenTheTransitionCameFirst() throws Exception {
		Collected<Long> count = Collected.of(this.live.subscribe(COUNT, null));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "hi")).toFuture();
		socket.next("Mutation");
		socket.transition(500, Frames.updated(0, "{\"$integer\":\"AgAAAAAAAAA=\"}"));
		assertThat(count.next()).isEqualTo(2L);
		socket.send(Frames.mutationSuccess(0, "\"msg_1\"", 400));
		assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo("msg_1");
	}

	@Test
	void aFailedMutationFailsAtOnceWithItsConvexErrorData() {
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "")).toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.next("Mutation");
		socket.send(Frames.mutationFailure(0, "Uncaught ConvexError: empty", "{\"code\":\"EMPTY_BODY\"}"));
		assertThat(sent).failsWithin(SyncTestServer.WAIT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(ConvexApplicationException.class, (ex) -> {
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.MUTATION);
				assertThat(ex.functionPath()).isEqualTo("messages:send");
				assertThat(ex.code()).contains("EMPTY_BODY");
			});
	}

	@Test
	void anActionCompletesOnItsResponse() throws Exception {
		CompletableFuture<String> translated = this.live.action(TRANSLATE, new Message("general", "hi")).toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		JsonNode action = socket.next("Action");
		socket.send(Frames.actionSuccess(action.get("requestId").asInt(), "\"salut\""));
		assertThat(translated.get(10, TimeUnit.SECONDS)).isEqualTo("salut");
	}

	@Test
	void aFailingQueryFailsTheFluxWithTheTypedException() {
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.failed(0, "Uncaught ConvexError: no access", "{\"code\":\"FORBIDDEN\"}"));
		assertThat(messages.error()).isInstanceOfSatisfying(ConvexApplicationException.class, (ex) -> {
			assertThat(ex.functionKind()).isEqualTo(FunctionKind.QUERY);
			assertThat(ex.functionPath()).isEqualTo("messages:list");
			assertThat(ex.code()).contains("FORBIDDEN");
		});
		assertThat(socket.next("ModifyQuerySet").get("modifications").toString()).contains("Remove");
	}

	@Test
	void subscribeResultsEmitsFailuresAndRecovers() {
		Collected<QueryResult<List<String>>> messages = Collected
			.of(this.live.subscribeResults(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.failed(0, "Uncaught Error: boom", null));
		assertThat(messages.next()).isInstanceOfSatisfying(QueryResult.Failure.class,
				(failure) -> assertThat(failure.error()).isInstanceOf(ConvexFunctionFailedException.class)
					.hasMessageContaining("boom"));
		socket.transition(200, Frames.updated(0, "[\"back\"]"));
		assertThat(messages.next()).isEqualTo(new QueryResult.Value<>(List.of("back")));
		assertThat(messages.isEnded()).isFalse();
	}

	@Test
	void aResultThatDoesNotFitTheTypeFailsWithAResultException() {
		Collected<QueryResult<Long>> count = Collected.of(this.live.subscribeResults(COUNT, null));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "\"not a number\""));
		assertThat(count.next()).isInstanceOfSatisfying(QueryResult.Failure.class,
				(failure) -> assertThat(failure.error()).isInstanceOf(io.convexspring.client.ConvexResultException.class));
	}

	@Test
	void argumentsThatAreNotAnObjectFailBeforeAnythingIsSent() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Collected<Object> bad = Collected.of((reactor.core.publisher.Flux) this.live
			.subscribe((io.convexspring.client.ConvexQuery) LIST, "general"));
		assertThat(bad.error()).isInstanceOf(ConvexArgumentException.class);
		assertThat(this.server.acceptsWithin(Duration.ofMillis(300))).isFalse();
	}

	@Test
	void aSnapshotHoldsSeveralQueriesAtOneTimestamp() throws Exception {
		CompletableFuture<ConvexLiveSnapshot> snapshot = this.live
			.snapshot(LiveQuery.of(LIST, new Channel("general")), LiveQuery.of(COUNT, null))
			.toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		assertThat(socket.next("ModifyQuerySet").get("modifications")).hasSize(2);
		socket.transition(100, Frames.updated(0, "[\"a\"]"));
		assertThat(socket.silentFor(Duration.ofMillis(200))).isTrue();
		assertThat(snapshot).isNotDone();
		socket.transition(200, Frames.updated(1, "{\"$integer\":\"AQAAAAAAAAA=\"}"));
		ConvexLiveSnapshot taken = snapshot.get(10, TimeUnit.SECONDS);
		assertThat(taken.timestamp()).isEqualTo(200);
		assertThat(taken.get(LiveQuery.of(LIST, new Channel("general")))).containsExactly("a");
		assertThat(taken.get(LiveQuery.of(COUNT, null))).isEqualTo(1L);
		// the snapshot leaves its subscriptions
		assertThat(socket.next("ModifyQuerySet").get("modifications").toString()).contains("Remove");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> taken.get(LiveQuery.of(LIST, new Channel("other"))));
	}

}
