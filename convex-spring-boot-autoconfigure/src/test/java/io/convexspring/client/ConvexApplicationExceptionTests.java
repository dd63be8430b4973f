package io.convexspring.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.Int64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConvexApplicationException}: a {@code ConvexError}'s data, message and code, as the
 * official JavaScript client gives them.
 */
class ConvexApplicationExceptionTests {

	private final ConvexCodec codec = ConvexCodec.create();

	private ConvexApplicationException thrown(String dataJson) {
		return thrown(dataJson, "[Request ID: 5e7a] Server Error");
	}

	private ConvexApplicationException thrown(String dataJson, String serverMessage) {
		JsonNode data = this.codec.treeFromWireJson(dataJson);
		return new ConvexApplicationException(FunctionKind.ACTION, "payments:charge", data, serverMessage,
				List.of("[LOG] charging"), this.codec);
	}

	@Test
	void stringDataIsTheMessage() {
		ConvexApplicationException ex = thrown("\"Card declined\"");
		assertThat(ex).hasMessage("Card declined");
		assertThat(ex.data(String.class)).isEqualTo("Card declined");
		assertThat(ex.code()).isEmpty();
	}

	@Test
	void objectDataIsTheMessageAsJavaScriptStringifiesIt() {
		ConvexApplicationException ex = thrown("{\"code\":\"CARD_DECLINED\",\"amount\":1250,\"fee\":0.5,\"tries\":"
				+ Wire.int64(3) + ",\"tags\":[\"a\",null,true],\"note\":\"say \\\"hi\\\"\"}");
		assertThat(ex).hasMessage(
				"{\"code\":\"CARD_DECLINED\",\"amount\":1250,\"fee\":0.5,\"tries\":\"3n\",\"tags\":[\"a\",null,true],"
						+ "\"note\":\"say \\\"hi\\\"\"}");
	}

	@Test
	void scalarDataIsTheMessageAsJavaScriptStringifiesIt() {
		assertThat(thrown("42")).hasMessage("42");
		assertThat(thrown("-1.5e-7")).hasMessage("-1.5e-7");
		assertThat(thrown("1e21")).hasMessage("1e+21");
		assertThat(thrown(Wire.int64(-9))).hasMessage("\"-9n\"");
		assertThat(thrown("true")).hasMessage("true");
		assertThat(thrown("null")).hasMessage("null");
		assertThat(thrown("{\"$float\":\"AAAAAAAA+H8=\"}")).hasMessage("null");
	}

	@Test
	void codeIsTheDataCodeWhenItIsAString() {
		assertThat(thrown("{\"code\":\"OUT_OF_STOCK\"}").code()).hasValue("OUT_OF_STOCK");
		assertThat(thrown("{\"code\":42}").code()).isEmpty();
		assertThat(thrown("[\"code\"]").code()).isEmpty();
		assertThat(thrown("\"code\"").code()).isEmpty();
	}

	@Test
	void dataConvertsToARecord() {
		ConvexApplicationException ex = thrown("{\"code\":\"CARD_DECLINED\",\"retryAfter\":" + Wire.int64(30)
				+ ",\"amount\":12.5,\"extra\":1}");
		assertThat(ex.data(Declined.class)).isEqualTo(new Declined("CARD_DECLINED", 30, 12.5));
	}

	@Test
	void dataConvertsToAGenericType() {
		ConvexApplicationException ex = thrown("{\"a\":" + Wire.int64(1) + ",\"b\":" + Wire.int64(2) + "}");
		Map<String, Long> data = ex.data(new ParameterizedTypeReference<Map<String, Long>>() {
		});
		assertThat(data).containsEntry("a", 1L).containsEntry("b", 2L);
	}

	@Test
	void dataNotFittingTheTypeIsAResultException() {
		ConvexApplicationException ex = thrown("{\"code\":\"X\",\"retryAfter\":\"soon\"}");
		assertThatExceptionOfType(ConvexResultException.class).isThrownBy(() -> ex.data(Declined.class))
			.withMessageStartingWith("Action payments:charge succeeded, but its ConvexError data at retryAfter ");
	}

	@Test
	void dataConvertsWithoutACodec() {
		ConvexApplicationException ex = new ConvexApplicationException(FunctionKind.ACTION, "payments:charge",
				this.codec.treeFromWireJson("{\"code\":\"X\",\"retryAfter\":" + Wire.int64(1) + ",\"amount\":2}"), null,
				List.of(), null);
		assertThat(ex.data(Declined.class)).isEqualTo(new Declined("X", 1, 2.0));
		assertThat(ex.requestId()).isEmpty();
	}

	@Test
	void requestIdAndLogLinesAreKept() {
		ConvexApplicationException ex = thrown("\"no\"", "[Request ID: 0f3c9d2b1a] Server Error");
		assertThat(ex.requestId()).hasValue("0f3c9d2b1a");
		assertThat(ex.logLines()).containsExactly("[LOG] charging");
		assertThat(ex.httpStatus()).hasValue(200);
		assertThat(ex.functionDidNotRun()).isFalse();
	}

	@Test
	void requestIdIsOnlyReadAtTheStart() {
		assertThat(thrown("\"no\"", "Uncaught ConvexError [Request ID: x]").requestId()).isEmpty();
	}

	@Test
	void toStringNamesTheFunction() {
		assertThat(thrown("\"Card declined\"")).hasToString(
				"io.convexspring.client.ConvexApplicationException: Action payments:charge threw ConvexError: Card declined");
	}

	record Declined(String code, @Int64 long retryAfter, double amount) {
	}

}
