package io.convexspring.live;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.SyncTimestamps;
import io.convexspring.live.ServerMessage.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SyncSession}: the frames of a new socket, in the protocol's order, and what
 * Transitions and responses settle.
 */
class SyncSessionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConvexCodec codec = ConvexCodec.create();

	private final ServerMessageReader reader = new ServerMessageReader(this.codec);

	private final SyncSession session = new SyncSession();

	@Test
	void aReopenedSocketReplaysInTheProtocolsOrderAndDropsActionsInFlight() {
		this.session.open(ConvexCredentials.none(), null, 0);
		QueryEntry answered = this.session.addQuery("messages:list", "{\"channel\":\"a\"}");
		this.session.addFrame(answered);
		QueryEntry pending = this.session.addQuery("messages:list", "{\"channel\":\"b\"}");
		this.session.addFrame(pending);
		apply("{\"type\":\"Transition\",\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},"
				+ "\"endVersion\":{\"querySet\":2,\"identity\":0,\"ts\":\"AQAAAAAAAAA=\"},\"modifications\":["
				+ "{\"type\":\"QueryUpdated\",\"queryId\":0,\"value\":[],\"logLines\":[],\"journal\":\"j0\"}]}");
		PendingRequest completed = request(FunctionKind.MUTATION);
		this.session.addRequest(completed);
		assertThat(this.session.response(response(true, completed.requestId, 9))).as("waits for ts 9").isNull();
		PendingRequest inFlight = request(FunctionKind.MUTATION);
		this.session.addRequest(inFlight);
		PendingRequest action = request(FunctionKind.ACTION);
		this.session.addRequest(action);

		assertThat(this.session.close()).containsExactly(action);
		PendingRequest unsentMutation = request(FunctionKind.MUTATION);
		assertThat(this.session.addRequest(unsentMutation)).isNull();
		PendingRequest unsentAction = request(FunctionKind.ACTION);
		this.session.addRequest(unsentAction);

		List<JsonNode> frames = this.session.open(ConvexCredentials.deployKey("key"), "InactiveServer", 42)
			.stream()
			.map(JSON::readTree)
			.toList();
		assertThat(frames).extracting((frame) -> frame.get("type").asString())
			.containsExactly("Connect", "Authenticate", "ModifyQuerySet", "Mutation", "Mutation", "Mutation", "Action");
		assertThat(frames.get(0).get("connectionCount").asInt()).isEqualTo(1);
		assertThat(frames.get(0).get("lastCloseReason").asString()).isEqualTo("InactiveServer");
		assertThat(frames.get(0).get("maxObservedTimestamp").asString()).isEqualTo(SyncTimestamps.encode(9));
		assertThat(frames.get(1).get("baseVersion").asInt()).isZero();
		assertThat(frames.get(2).toString()).isEqualTo("{\"type\":\"ModifyQuerySet\",\"baseVersion\":0,\"newVersion\":1,"
				+ "\"modifications\":[{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"messages:list\","
				+ "\"args\":[{\"channel\":\"a\"}],\"journal\":\"j0\"},{\"type\":\"Add\",\"queryId\":1,"
				+ "\"udfPath\":\"messages:list\",\"args\":[{\"channel\":\"b\"}]}]}");
		assertThat(frames.subList(3, 7)).extracting((frame) -> frame.get("requestId").asInt())
			.containsExactly(completed.requestId, inFlight.requestId, unsentMutation.requestId, unsentAction.requestId);
		assertThat(this.session.remote()).isEqualTo(StateVersion.INITIAL);
	}

	@Test
	void aTransitionSettlesTheMutationsItShowsAndOnlyThose() {
		this.session.open(ConvexCredentials.none(), null, 0);
		PendingRequest early = request(FunctionKind.MUTATION);
		this.session.addRequest(early);
		PendingRequest late = request(FunctionKind.MUTATION);
		this.session.addRequest(late);
		this.session.response(response(true, early.requestId, 5));
		this.session.response(response(true, late.requestId, 7));
		SyncSession.Applied applied = apply("{\"type\":\"Transition\",\"startVersion\":{\"querySet\":0,"
				+ "\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},\"endVersion\":{\"querySet\":0,\"identity\":0,"
				+ "\"ts\":\"BQAAAAAAAAA=\"},\"modifications\":[]}");
		assertThat(applied.reflected()).containsExactly(early);
		assertThat(this.session.response(response(true, late.requestId, 7))).as("a repeated response").isNull();
		assertThat(this.session.response(response(true, 99, 7))).as("an unknown request").isNull();
		assertThatExceptionOfType(SyncSession.StartVersionMismatch.class).isThrownBy(() -> apply(
				"{\"type\":\"Transition\",\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},"
						+ "\"endVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"CAAAAAAAAAA=\"},\"modifications\":[]}"));
	}

	private SyncSession.Applied apply(String frame) {
		return this.session.apply((Transition) this.reader.read(frame));
	}

	private ServerMessage.Response response(boolean mutation, int requestId, long ts) {
		return new ServerMessage.Response(mutation, requestId, true, JSON.readTree("\"ok\""), null, null, ts, List.of());
	}

	private PendingRequest request(FunctionKind kind) {
		MonoSink<Object>[] sink = new MonoSink[1];
		Mono.create((created) -> sink[0] = created).subscribe();
		return new PendingRequest(kind, "messages:send", "{}", this.codec.javaType(String.class), sink[0],
				(lines) -> {
				});
	}

}
