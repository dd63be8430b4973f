package io.convexspring.client;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;

import io.convexspring.codec.ConvexCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ResponseEnvelopeReader} on response bodies as the backend writes them.
 */
class ResponseEnvelopeReaderTests {

	private final ConvexCodec codec = ConvexCodec.create();

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader(this.codec);

	private Object read(String body, Type type) {
		return this.reader.read(FunctionKind.QUERY, "orders:get", 200,
				body.getBytes(StandardCharsets.UTF_8), this.codec.javaType(type));
	}

	@Test
	void successValueIsBoundToTheRequestedType() {
		Object order = read(Wire.success("{\"id\":\"o1\",\"total\":" + Wire.int64(1250) + ",\"tags\":[\"new\"]}"),
				Order.class);
		assertThat(order).isEqualTo(new Order("o1", 1250, List.of("new")));
	}

	@Test
	void successValueMayComeAfterTheLogLines() {
		Object value = read("{\"logLines\":[\"[LOG] reading\"],\"value\":\"x\",\"status\":\"success\"}", String.class);
		assertThat(value).isEqualTo("x");
	}

	@Test
	void unknownEnvelopeFieldsAreSkipped() {
		Object value = read("{\"status\":\"success\",\"value\":1,\"timestamp\":{\"a\":[1,2]},\"extra\":null}",
				Double.class);
		assertThat(value).isEqualTo(1.0);
	}

	@Test
	void nullValueReadsAsNull() {
		assertThat(read(Wire.success("null"), Order.class)).isNull();
	}

	@Test
	void int64ValueKeepsAllSixtyFourBits() {
		assertThat(read(Wire.success(Wire.int64(Long.MIN_VALUE)), Long.class)).isEqualTo(Long.MIN_VALUE);
		assertThat(read(Wire.success(Wire.int64(-1)), long.class)).isEqualTo(-1L);
	}

	@Test
	void untypedValueHoldsLongsForInt64AndDoublesForNumbers() {
		Object value = read(Wire.success("[" + Wire.int64(1) + ",1,1.5," + Wire.bytes(new byte[] { 7 }) + "]"),
				Object.class);
		assertThat(value).asList().hasSize(4);
		List<?> list = (List<?>) value;
		assertThat(list.get(0)).isEqualTo(1L);
		assertThat(list.get(1)).isEqualTo(1.0);
		assertThat(list.get(2)).isEqualTo(1.5);
		assertThat(list.get(3)).isEqualTo(new byte[] { 7 });
	}

	@Test
	void specialFloatsDecode() {
		Object value = read(Wire.success("{\"nan\":{\"$float\":\"AAAAAAAA+H8=\"},\"inf\":{\"$float\":\"AAAAAAAA8H8=\"}}"),
				new ParameterizedTypeReference<Map<String, Double>>() {
				}.getType());
		@SuppressWarnings("unchecked")
		Map<String, Double> map = (Map<String, Double>) value;
		assertThat(map).containsEntry("inf", Double.POSITIVE_INFINITY);
		assertThat(map.get("nan")).isNaN();
	}

	@Test
	void plainFailureIsAFunctionFailedException() {
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> read(Wire.failure("[Request ID: abc123] Server Error", "[LOG] a", "[ERROR] b"),
					Order.class))
			.withMessage("Query orders:get failed: [Request ID: abc123] Server Error")
			.satisfies((ex) -> {
				assertThat(ex.requestId()).hasValue("abc123");
				assertThat(ex.logLines()).containsExactly("[LOG] a", "[ERROR] b");
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.QUERY);
				assertThat(ex.httpStatus()).hasValue(200);
			});
	}

	@Test
	void failureWithoutRequestIdHasNone() {
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> read(Wire.failure("ArgumentValidationError: Object is missing the required field `id`."),
					Order.class))
			.satisfies((ex) -> assertThat(ex.requestId()).isEmpty());
	}

	@Test
	void failureWithoutMessageHasAnEmptyServerMessage() {
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> read("{\"status\":\"error\"}", Order.class))
			.satisfies((ex) -> assertThat(ex.serverMessage()).isEmpty());
	}

	@Test
	void failureWithErrorDataIsAnApplicationException() {
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> read(Wire.convexError("[Request ID: r9] Server Error",
					"{\"code\":\"NOT_FOUND\",\"id\":\"o1\"}", "[INFO] looked up o1"), Order.class))
			.satisfies((ex) -> {
				assertThat(ex.code()).hasValue("NOT_FOUND");
				assertThat(ex.data().get("id").stringValue()).isEqualTo("o1");
				assertThat(ex.requestId()).hasValue("r9");
				assertThat(ex.logLines()).containsExactly("[INFO] looked up o1");
			});
	}

	@Test
	void errorDataOfNullIsStillAConvexError() {
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> read(Wire.convexError("Server Error", "null"), Order.class))
			.satisfies((ex) -> assertThat(ex.data().isNull()).isTrue());
	}

	@Test
	void valueNotFittingTheTypeIsAResultException() {
		assertThatExceptionOfType(ConvexResultException.class)
			.isThrownBy(() -> read(Wire.success("{\"id\":\"o1\",\"total\":12.5}"), Order.class))
			.withMessageStartingWith("Query orders:get succeeded, but its result at total ")
			.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(200));
	}

	@Test
	void nullForAPrimitiveIsAResultException() {
		assertThatExceptionOfType(ConvexResultException.class)
			.isThrownBy(() -> read(Wire.success("{\"id\":\"o1\",\"total\":null}"), Order.class))
			.withMessageContaining("at total");
		assertThatExceptionOfType(ConvexResultException.class).isThrownBy(() -> read(Wire.success("null"), long.class));
	}

	@Test
	void missingPrimitiveIsAResultException() {
		assertThatExceptionOfType(ConvexResultException.class)
			.isThrownBy(() -> read(Wire.success("{\"id\":\"o1\"}"), Order.class));
	}

	@Test
	void int64TooLargeForAnIntIsAResultException() {
		assertThatExceptionOfType(ConvexResultException.class)
			.isThrownBy(() -> read(Wire.success(Wire.int64(1L << 40)), Integer.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "<!DOCTYPE html><html></html>", "{\"status\":\"success\",\"value\":[1,2",
			"{\"status\":\"success\",\"value\":1", "{\"status\":\"weird\",\"value\":1}", "{\"status\":1,\"value\":1}",
			"{\"value\":1}", "{\"status\":\"success\"}", "\"success\"", "[]",
			"{\"status\":\"error\",\"errorMessage\":42}", "{\"status\":\"success\",\"value\":1,\"logLines\":\"x\"}",
			"{\"status\":\"success\",\"value\":1,\"logLines\":[1]}",
			"{\"status\":\"success\",\"value\":{\"$integer\":\"AQID\"}}",
			"{\"status\":\"success\",\"value\":{\"$integer\":42}}",
			"{\"status\":\"success\",\"value\":{\"$integer\":\"not base64!\"}}",
			"{\"status\":\"success\",\"value\":{\"$float\":\"AAAAAAAA8D8=\"}}",
			"{\"status\":\"success\",\"value\":{\"$set\":[]}}",
			"{\"status\":\"success\",\"value\":{\"$integer\":\"AQAAAAAAAAA=\",\"x\":1}}",
			"{\"status\":\"error\",\"errorMessage\":\"x\",\"errorData\":{\"$bytes\":7}}" })
	void bodyThatBreaksTheEnvelopeOrTheEncodingIsMalformed(String body) {
		assertThatExceptionOfType(ConvexMalformedResponseException.class).isThrownBy(() -> read(body, Object.class))
			.withMessageStartingWith("Query orders:get: the response (HTTP 200) is not a Convex function result: ")
			.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(200));
	}

	@Test
	void malformedValueNamesWhereItIs() {
		assertThatExceptionOfType(ConvexMalformedResponseException.class)
			.isThrownBy(() -> read(Wire.success("{\"items\":[{\"qty\":{\"$integer\":\"AQID\"}}]}"), Object.class))
			.withMessageContaining("items[0].qty")
			.withMessageContaining("expected 8");
	}

	@Test
	void legacyStatusIsNamedInTheMessage() {
		assertThatExceptionOfType(ConvexMalformedResponseException.class)
			.isThrownBy(() -> this.reader.read(FunctionKind.ACTION, "a:b", 560,
					"{}".getBytes(StandardCharsets.UTF_8), this.codec.javaType(Object.class)))
			.withMessageContaining("(HTTP 560)")
			.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(560));
	}

	record Order(String id, long total, List<String> tags) {
	}

}
