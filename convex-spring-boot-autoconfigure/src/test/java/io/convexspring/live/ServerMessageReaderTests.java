package io.convexspring.live;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.Int64Node;
import io.convexspring.live.ServerMessage.QueryFailed;
import io.convexspring.live.ServerMessage.QueryUpdated;
import io.convexspring.live.ServerMessage.Response;
import io.convexspring.live.ServerMessage.Transition;
import io.convexspring.live.ServerMessageReader.MalformedFrameException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServerMessageReader}.
 */
class ServerMessageReaderTests {

	private final ServerMessageReader reader = new ServerMessageReader(ConvexCodec.create());

	@Test
	void readsATransitionWhateverTheOrderOfItsFields() {
		ServerMessage message = this.reader.read("{\"modifications\":[{\"value\":{\"$integer\":\"BQAAAAAAAAA=\"},"
				+ "\"queryId\":3,\"type\":\"QueryUpdated\",\"logLines\":[\"[LOG] x\"],\"journal\":\"j\"}],"
				+ "\"endVersion\":{\"ts\":\"wOM7R8YR7Rg=\",\"identity\":0,\"querySet\":1},"
				+ "\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},\"type\":\"Transition\","
				+ "\"clientClockSkew\":null,\"serverTs\":1796111369680000000}");
		assertThat(message).isInstanceOfSatisfying(Transition.class, (transition) -> {
			assertThat(transition.start()).isEqualTo(StateVersion.INITIAL);
			assertThat(transition.end()).isEqualTo(new StateVersion(1, 0, 1796111369687000000L));
			QueryUpdated updated = (QueryUpdated) transition.modifications().get(0);
			assertThat(updated.queryId()).isEqualTo(3);
			assertThat(updated.value()).isInstanceOf(Int64Node.class);
			assertThat(updated.value().asLong()).isEqualTo(5);
			assertThat(updated.logLines()).containsExactly("[LOG] x");
			assertThat(updated.journal()).isEqualTo("j");
		});
	}

	@Test
	void readsAFailedQueryWithItsErrorData() {
		Transition transition = (Transition) this.reader.read("{\"type\":\"Transition\","
				+ "\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},"
				+ "\"endVersion\":{\"querySet\":1,\"identity\":0,\"ts\":\"AQAAAAAAAAA=\"},\"modifications\":["
				+ "{\"type\":\"QueryFailed\",\"queryId\":0,\"errorMessage\":\"no\",\"logLines\":[],\"journal\":null,"
				+ "\"errorData\":{\"code\":\"X\"}},{\"type\":\"QueryRemoved\",\"queryId\":1}]}");
		QueryFailed failed = (QueryFailed) transition.modifications().get(0);
		assertThat(failed.errorMessage()).isEqualTo("no");
		assertThat(failed.errorData().get("code").asString()).isEqualTo("X");
		assertThat(transition.modifications().get(1)).isEqualTo(new ServerMessage.QueryRemoved(1));
	}

	@Test
	void readsResponses() {
		Response success = (Response) this.reader.read("{\"type\":\"MutationResponse\",\"requestId\":2,"
				+ "\"success\":true,\"result\":\"msg\",\"ts\":\"AgAAAAAAAAA=\",\"logLines\":[]}");
		assertThat(success.mutation()).isTrue();
		assertThat(success.ts()).isEqualTo(2);
		assertThat(success.result().asString()).isEqualTo("msg");
		Response failure = (Response) this.reader.read("{\"type\":\"ActionResponse\",\"requestId\":3,"
				+ "\"success\":false,\"result\":\"Uncaught Error: x\",\"logLines\":[\"[ERROR] x\"]}");
		assertThat(failure.mutation()).isFalse();
		assertThat(failure.errorMessage()).isEqualTo("Uncaught Error: x");
		assertThat(failure.errorData()).isNull();
		assertThat(failure.logLines()).isEqualTo(List.of("[ERROR] x"));
	}

	@Test
	void readsTheOtherMessages() {
		assertThat(this.reader.read("{\"type\":\"Ping\"}")).isInstanceOf(ServerMessage.Ping.class);
		assertThat(this.reader.read("{\"type\":\"FatalError\",\"error\":\"bad\"}"))
			.isEqualTo(new ServerMessage.FatalError("bad"));
		assertThat(this.reader.read("{\"type\":\"AuthError\",\"error\":\"e\",\"baseVersion\":null}"))
			.isEqualTo(new ServerMessage.AuthError("e", -1, false));
		assertThat(this.reader.read("{\"type\":\"Future\",\"x\":[1,{\"y\":2}]}"))
			.isEqualTo(new ServerMessage.Unknown("Future"));
		assertThat(this.reader.read("{\"type\":\"TransitionChunk\",\"chunk\":\"{\",\"partNumber\":0,"
				+ "\"totalParts\":2,\"transitionId\":\"20519\"}"))
			.isEqualTo(new ServerMessage.TransitionChunk("{", 0, 2, "20519"));
	}

	@Test
	void refusesFramesThatBreakTheProtocol() {
		for (String frame : List.of("", "[]", "{\"type\":\"Transition\"", "{\"no\":\"type\"}",
				"{\"type\":\"Transition\",\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAA\"},"
						+ "\"endVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"}}",
				"{\"type\":\"MutationResponse\",\"requestId\":1,\"success\":true,\"result\":1}",
				"{\"type\":\"Transition\",\"startVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},"
						+ "\"endVersion\":{\"querySet\":0,\"identity\":0,\"ts\":\"AAAAAAAAAAA=\"},"
						+ "\"modifications\":[{\"type\":\"QueryUpdated\",\"queryId\":0,\"value\":{\"$set\":[]}}]}",
				"{\"type\":\"Ping\"} trailing")) {
			assertThatExceptionOfType(MalformedFrameException.class).as(frame).isThrownBy(() -> this.reader.read(frame));
		}
	}

}
