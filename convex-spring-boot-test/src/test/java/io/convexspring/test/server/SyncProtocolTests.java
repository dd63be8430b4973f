package io.convexspring.test.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convexspring.codec.SyncTimestamps;

/**
 * The sync protocol on the wire, with hand-written client frames: versions, Transitions,
 * read-your-writes, de-duplication, auth, pings and the closes for protocol violations.
 */
class SyncProtocolTests {

	private final List<String> items = new ArrayList<>();

	private final AtomicInteger adds = new AtomicInteger();

	private final AtomicReference<String> greeting = new AtomicReference<>("hello");

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private LocalConvexDeployment deployment;

	@BeforeEach
	void start() {
		this.deployment = LocalConvexDeployment.builder()
			.query("items:list", (call) -> {
				synchronized (this.items) {
					return List.copyOf(this.items);
				}
			})
			.mutation("items:add", (call) -> {
				this.adds.incrementAndGet();
				call.log("adding " + call.args().get("name").stringValue());
				synchronized (this.items) {
					this.items.add(call.args().get("name").stringValue());
					return this.items.size();
				}
			})
			.mutation("items:reject", (call) -> {
				throw new ConvexErrorException(Map.of("code", "REJECTED"));
			})
			.query("greeting:get", (call) -> this.greeting.get())
			.query("fail:withData", (call) -> {
				throw new ConvexErrorException("bad query");
			})
			.query("fail:plain", (call) -> {
				throw new IllegalStateException("broken");
			})
			.query("auth:whoami", (call) -> call.identity().kind().name())
			.action("echo:args", FunctionCall::args)
			.tokenVerifier((identity) -> {
				if ("bad-token".equals(identity.token()) || this.revoked.contains(identity.token())) {
					throw new RequestRefusedException(401, "InvalidAuthHeader", "Could not verify token");
				}
			})
			.pingInterval(Duration.ofMillis(300))
			.start();
	}

	@AfterEach
	void stop() {
		this.deployment.close();
	}

	@Test
	void firstTransitionStartsAtZeroAndCarriesTheAddedQuery() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "items:list"));
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("startVersion")).isEqualTo(json("{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"}"));
			assertThat(transition.get("endVersion").get("querySet").longValue()).isEqualTo(1);
			assertThat(SyncTimestamps.decode(transition.get("endVersion").get("ts").stringValue())).isPositive();
			assertThat(transition.get("modifications")).isEqualTo(json(
					"[{\"type\":\"QueryUpdated\",\"queryId\":0,\"value\":[],\"logLines\":[],\"journal\":null}]"));
			assertThat(transition.get("serverTs").isIntegralNumber()).isTrue();
		}
	}

	@Test
	void mutationResponseCarriesCommitTsAndATransitionAtOrAfterItFollows() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "items:list"));
			JsonNode first = client.next("Transition");
			client.send(mutation(0, "items:add", "{\"name\":\"a\"}"));
			JsonNode response = client.next("MutationResponse");
			assertThat(response.get("requestId").longValue()).isZero();
			assertThat(response.get("success").booleanValue()).isTrue();
			assertThat(response.get("result").doubleValue()).isEqualTo(1.0);
			assertThat(response.get("logLines")).isEqualTo(json("[\"[LOG] adding a\"]"));
			long commitTs = SyncTimestamps.decode(response.get("ts").stringValue());
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("startVersion")).isEqualTo(first.get("endVersion"));
			assertThat(SyncTimestamps.decode(transition.get("endVersion").get("ts").stringValue())).isGreaterThanOrEqualTo(commitTs);
			assertThat(transition.get("modifications").get(0).get("value")).isEqualTo(json("[\"a\"]"));
		}
	}

	@Test
	void mutationThatChangesNoSubscribedResultStillGetsATransitionAtItsTs() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "greeting:get"));
			client.next("Transition");
			client.send(mutation(0, "items:add", "{\"name\":\"a\"}"));
			long commitTs = SyncTimestamps.decode(client.next("MutationResponse").get("ts").stringValue());
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("modifications")).isEmpty();
			assertThat(SyncTimestamps.decode(transition.get("endVersion").get("ts").stringValue())).isGreaterThanOrEqualTo(commitTs);
		}
	}

	@Test
	void onlyChangedResultsAreSentAndEveryOtherSocketSeesTheCommit() {
		try (RawSyncClient writer = RawSyncClient.connect(this.deployment);
				RawSyncClient reader = RawSyncClient.connect(this.deployment)) {
			reader.send("{\"type\":\"ModifyQuerySet\",\"baseVersion\":0,\"newVersion\":1,\"modifications\":["
					+ "{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"items:list\",\"args\":[{}]},"
					+ "{\"type\":\"Add\",\"queryId\":1,\"udfPath\":\"greeting:get\",\"args\":[{}],\"journal\":null}]}");
			assertThat(reader.next("Transition").get("modifications")).hasSize(2);
			writer.send(mutation(0, "items:add", "{\"name\":\"b\"}"));
			JsonNode transition = reader.next("Transition");
			assertThat(transition.get("modifications")).hasSize(1);
			assertThat(transition.get("modifications").get(0).get("queryId").longValue()).isZero();
			assertThat(transition.get("modifications").get(0).get("value")).isEqualTo(json("[\"b\"]"));
		}
	}

	@Test
	void failedMutationHasNoTsAndCarriesErrorData() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(mutation(3, "items:reject", "{}"));
			JsonNode response = client.next("MutationResponse");
			assertThat(response.get("success").booleanValue()).isFalse();
			assertThat(response.get("ts").isNull()).isTrue();
			assertThat(response.get("result").stringValue()).contains("Uncaught ConvexError: {\"code\":\"REJECTED\"}");
			assertThat(response.get("errorData")).isEqualTo(json("{\"code\":\"REJECTED\"}"));
		}
	}

	@Test
	void remoteMutationReSentWithTheSameSessionAndRequestIdRunsOnce() {
		String sessionId;
		long ts;
		try (RawSyncClient first = RawSyncClient.connect(this.deployment)) {
			sessionId = first.sessionId;
			first.send(mutation(7, "items:add", "{\"name\":\"once\"}"));
			ts = SyncTimestamps.decode(first.next("MutationResponse").get("ts").stringValue());
		}
		try (RawSyncClient again = RawSyncClient.open(this.deployment)) {
			again.send("{\"type\":\"Connect\",\"sessionId\":\"" + sessionId
					+ "\",\"connectionCount\":1,\"lastCloseReason\":\"closed with code 1006\"}");
			again.send(mutation(7, "items:add", "{\"name\":\"once\"}"));
			JsonNode response = again.next("MutationResponse");
			assertThat(SyncTimestamps.decode(response.get("ts").stringValue())).isEqualTo(ts);
			assertThat(response.get("result").doubleValue()).isEqualTo(1.0);
		}
		assertThat(this.adds).hasValue(1);
	}

	@Test
	void removeIsAcknowledgedWithQueryRemoved() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 4, "greeting:get"));
			client.next("Transition");
			client.send("{\"type\":\"ModifyQuerySet\",\"baseVersion\":1,\"newVersion\":2,\"modifications\":[{\"type\":\"Remove\",\"queryId\":4}]}");
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("modifications")).isEqualTo(json("[{\"type\":\"QueryRemoved\",\"queryId\":4}]"));
			assertThat(transition.get("endVersion").get("querySet").longValue()).isEqualTo(2);
		}
	}

	@Test
	void queryFailuresCarryErrorDataOnlyForConvexError() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send("{\"type\":\"ModifyQuerySet\",\"baseVersion\":0,\"newVersion\":1,\"modifications\":["
					+ "{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"fail:withData\",\"args\":[{}]},"
					+ "{\"type\":\"Add\",\"queryId\":1,\"udfPath\":\"fail:plain\",\"args\":[{}]}]}");
			JsonNode modifications = client.next("Transition").get("modifications");
			assertThat(modifications.get(0).get("type").stringValue()).isEqualTo("QueryFailed");
			assertThat(modifications.get(0).get("errorData")).isEqualTo(json("\"bad query\""));
			assertThat(modifications.get(0).get("errorMessage").stringValue()).endsWith("Uncaught ConvexError: bad query");
			assertThat(modifications.get(1).get("type").stringValue()).isEqualTo("QueryFailed");
			assertThat(modifications.get(1).has("errorData")).isFalse();
			assertThat(modifications.get(1).get("errorMessage").stringValue()).contains("Uncaught Error: broken");
		}
	}

	@Test
	void acceptedAuthenticateAdvancesIdentityAndReRunsQueriesAsTheUser() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "auth:whoami"));
			assertThat(client.next("Transition").get("modifications").get(0).get("value").stringValue()).isEqualTo("ANONYMOUS");
			client.send("{\"type\":\"Authenticate\",\"baseVersion\":0,\"tokenType\":\"User\",\"value\":\"good-token\"}");
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("startVersion").get("identity").longValue()).isZero();
			assertThat(transition.get("endVersion").get("identity").longValue()).isEqualTo(1);
			assertThat(transition.get("modifications").get(0).get("value").stringValue()).isEqualTo("USER");
			client.send("{\"type\":\"Authenticate\",\"baseVersion\":1,\"tokenType\":\"None\"}");
			assertThat(client.next("Transition").get("modifications").get(0).get("value").stringValue()).isEqualTo("ANONYMOUS");
		}
	}

	@Test
	void rejectedTokenGetsAuthErrorAndTheSocketCloses() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send("{\"type\":\"Authenticate\",\"baseVersion\":0,\"tokenType\":\"User\",\"value\":\"bad-token\"}");
			assertThat(client.next("AuthError"))
				.isEqualTo(json("{\"type\":\"AuthError\",\"error\":\"Could not verify token\",\"baseVersion\":0,"
						+ "\"authUpdateAttempted\":true}"));
			assertThat(client.closeCode()).isEqualTo(1005);
		}
	}

	@Test
	void identityThatBecomesInvalidGetsAuthErrorWithoutAnUpdateAttempt() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "auth:whoami"));
			client.next("Transition");
			client.send("{\"type\":\"Authenticate\",\"baseVersion\":0,\"tokenType\":\"User\",\"value\":\"short-lived\"}");
			assertThat(client.next("Transition").get("endVersion").get("identity").longValue()).isEqualTo(1);
			this.revoked.add("short-lived");
			this.deployment.invalidateAll();
			assertThat(client.next("AuthError")).isEqualTo(json("{\"type\":\"AuthError\",\"error\":"
					+ "\"Could not verify token\",\"baseVersion\":1,\"authUpdateAttempted\":false}"));
			assertThat(client.closeCode()).isEqualTo(1005);
		}
	}

	@Test
	void longTransitionsGoOutAsChunksThatReassembleIntoIt() {
		try (LocalConvexDeployment chunked = LocalConvexDeployment.builder()
			.query("text:long", (call) -> "é".repeat(50) + "😀".repeat(50))
			.transitionChunkSize(64)
			.start(); RawSyncClient client = RawSyncClient.connect(chunked)) {
			client.send(add(0, 1, 0, "text:long"));
			StringBuilder transition = new StringBuilder();
			JsonNode chunk;
			do {
				chunk = client.next("TransitionChunk");
				assertThat(chunk.get("chunk").stringValue().length()).isLessThanOrEqualTo(65);
				transition.append(chunk.get("chunk").stringValue());
			}
			while (chunk.get("partNumber").intValue() < chunk.get("totalParts").intValue() - 1);
			assertThat(chunk.get("transitionId").stringValue()).isEqualTo(String.valueOf(transition.length()));
			JsonNode whole = json(transition.toString());
			assertThat(whole.get("type").stringValue()).isEqualTo("Transition");
			assertThat(whole.get("modifications").get(0).get("value").stringValue())
				.isEqualTo("é".repeat(50) + "😀".repeat(50));
		}
	}

	@Test
	void actionResponseHasNoTsAndKeepsValuesLossless() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			String args = "{\"n\":{\"$integer\":\"AQAAAAAAIAA=\"},\"f\":{\"$float\":\"AAAAAAAA+H8=\"},\"b\":{\"$bytes\":\"AP8=\"}}";
			client.send("{\"type\":\"Action\",\"requestId\":2,\"udfPath\":\"echo:args\",\"args\":[" + args + "]}");
			JsonNode response = client.next("ActionResponse");
			assertThat(response.get("success").booleanValue()).isTrue();
			assertThat(response.has("ts")).isFalse();
			assertThat(response.get("result")).isEqualTo(json(args));
		}
	}

	@Test
	void invalidatePushesANewResultWithoutAMutation() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "greeting:get"));
			JsonNode first = client.next("Transition");
			this.greeting.set("changed");
			this.deployment.invalidate("greeting:get");
			JsonNode transition = client.next("Transition");
			assertThat(transition.get("modifications").get(0).get("value").stringValue()).isEqualTo("changed");
			assertThat(SyncTimestamps.decode(transition.get("endVersion").get("ts").stringValue()))
				.isGreaterThan(SyncTimestamps.decode(first.get("endVersion").get("ts").stringValue()));
		}
	}

	@Test
	void pingsArriveEveryInterval() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.next((message) -> message.get("type").stringValue().equals("Ping"));
			client.next((message) -> message.get("type").stringValue().equals("Ping"));
		}
	}

	@Test
	void versionedSyncPathIsServedToo() {
		try (RawSyncClient client = RawSyncClient.open(this.deployment, "/api/1.48.0/sync")) {
			client.send("{\"type\":\"Connect\",\"sessionId\":\"" + client.sessionId + "\",\"connectionCount\":0}");
			client.send(add(0, 1, 0, "greeting:get"));
			assertThat(client.next("Transition").get("modifications").get(0).get("value").stringValue()).isEqualTo("hello");
		}
	}

	@Test
	void dropConnectionsClosesEverySocketWithoutACloseFrame() {
		try (RawSyncClient one = RawSyncClient.connect(this.deployment);
				RawSyncClient two = RawSyncClient.connect(this.deployment)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deployment.connectionCount() == 2);
			this.deployment.dropConnections();
			assertThat(one.closeCode()).isEqualTo(1006);
			assertThat(two.closeCode()).isEqualTo(1006);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deployment.connectionCount() == 0);
		}
	}

	@Test
	void baseVersionMismatchIsAFatalError() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(3, 4, 0, "greeting:get"));
			assertThat(client.next("FatalError").get("error").stringValue())
				.isEqualTo("Base version 3 passed up doesn't match the current version 0");
			assertThat(client.closeCode()).isEqualTo(1005);
		}
	}

	@Test
	void invalidJsonIsAFatalError() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send("{not json");
			assertThat(client.next("FatalError").get("error").stringValue()).startsWith("Received Invalid JSON on websocket");
			assertThat(client.closeCode()).isEqualTo(1005);
		}
	}

	@Test
	void aMessageBeforeConnectIsAFatalError() {
		try (RawSyncClient client = RawSyncClient.open(this.deployment)) {
			client.send(add(0, 1, 0, "greeting:get"));
			assertThat(client.next("FatalError").get("error").stringValue()).startsWith("Expected Connect");
		}
	}

	@Test
	void sessionIdThatIsNotAUuidIsAFatalError() {
		try (RawSyncClient client = RawSyncClient.open(this.deployment)) {
			client.send("{\"type\":\"Connect\",\"sessionId\":\"nope\",\"connectionCount\":0}");
			assertThat(client.next("FatalError").get("error").stringValue()).contains("sessionId is not a UUID");
		}
	}

	@Test
	void duplicateQueryIdClosesWithInternalServerError() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send(add(0, 1, 0, "greeting:get"));
			client.next("Transition");
			client.send(add(1, 2, 0, "greeting:get"));
			assertThat(client.closeCode()).isEqualTo(1011);
		}
	}

	@Test
	void authenticateWithAWrongBaseVersionClosesWithInternalServerError() {
		try (RawSyncClient client = RawSyncClient.connect(this.deployment)) {
			client.send("{\"type\":\"Authenticate\",\"baseVersion\":5,\"tokenType\":\"None\"}");
			assertThat(client.closeCode()).isEqualTo(1011);
		}
	}

	@Test
	void timestampFromTheFutureClosesWithInternalServerError() {
		try (RawSyncClient client = RawSyncClient.open(this.deployment)) {
			client.send("{\"type\":\"Connect\",\"sessionId\":\"" + client.sessionId
					+ "\",\"connectionCount\":1,\"maxObservedTimestamp\":\"/////////38=\"}");
			assertThat(client.closeCode()).isEqualTo(1011);
		}
	}

	private static String add(long baseVersion, long newVersion, long queryId, String path) {
		return "{\"type\":\"ModifyQuerySet\",\"baseVersion\":" + baseVersion + ",\"newVersion\":" + newVersion
				+ ",\"modifications\":[{\"type\":\"Add\",\"queryId\":" + queryId + ",\"udfPath\":\"" + path
				+ "\",\"args\":[{}]}]}";
	}

	private static String mutation(long requestId, String path, String args) {
		return "{\"type\":\"Mutation\",\"requestId\":" + requestId + ",\"udfPath\":\"" + path + "\",\"args\":[" + args
				+ "]}";
	}

	private static JsonNode json(String text) {
		return RawSyncClient.JSON.readTree(text);
	}

}
