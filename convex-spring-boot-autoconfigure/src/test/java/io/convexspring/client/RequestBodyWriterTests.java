package io.convexspring.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexInt64;
import io.convexspring.codec.Int64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RequestBodyWriter}: the exact bytes of a function call's body.
 */
class RequestBodyWriterTests {

	private final RequestBodyWriter writer = new RequestBodyWriter(ConvexCodec.create());

	private String write(Object args) {
		return new String(this.writer.write(FunctionKind.MUTATION, "orders:create", args), StandardCharsets.UTF_8);
	}

	private static String body(String argsJson) {
		return "{\"path\":\"orders:create\",\"args\":[" + argsJson + "],\"format\":\"convex_encoded_json\"}";
	}

	@Test
	void recordIsWrappedInTheArgsArrayWithTheLosslessFormat() {
		assertThat(write(new Order("sku-1", 2, 19.99))).isEqualTo(body("{\"sku\":\"sku-1\",\"qty\":2,\"price\":19.99}"));
	}

	@Test
	void nullArgumentsAreAnEmptyObject() {
		assertThat(write(null)).isEqualTo(body("{}"));
	}

	@Test
	void emptyMapIsAnEmptyObject() {
		assertThat(write(Map.of())).isEqualTo(body("{}"));
	}

	@Test
	void nestedMapsAndListsKeepTheirShape() {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("filter", Map.of("status", "open"));
		args.put("ids", List.of("a", "b"));
		args.put("flag", true);
		args.put("nothing", null);
		assertThat(write(args)).isEqualTo(
				body("{\"filter\":{\"status\":\"open\"},\"ids\":[\"a\",\"b\"],\"flag\":true,\"nothing\":null}"));
	}

	@Test
	void absentFieldsAreLeftOutLikeUndefined() {
		assertThat(write(new Patch("o1", null, Optional.empty()))).isEqualTo(body("{\"id\":\"o1\"}"));
	}

	@Test
	void int64FieldsAndWrappersAreDollarInteger() {
		assertThat(write(new Counter(ConvexInt64.of(1), 2, BigInteger.valueOf(-1))))
			.isEqualTo(body("{\"a\":" + Wire.int64(1) + ",\"b\":" + Wire.int64(2) + ",\"c\":" + Wire.int64(-1) + "}"));
	}

	@Test
	void numbersThatFloat64HoldsAreSentAsPlainNumbers() {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("at", 1732500000000L);
		args.put("max", (1L << 53) - 1);
		args.put("ratio", 0.1);
		args.put("whole", 42.0);
		args.put("price", new BigDecimal("19.99"));
		assertThat(write(args)).isEqualTo(
				body("{\"at\":1732500000000,\"max\":9007199254740991,\"ratio\":0.1,\"whole\":42,\"price\":19.99}"));
	}

	@Test
	void specialFloatsAndBytesUseTheirWireObjects() {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("nan", Double.NaN);
		args.put("negZero", -0.0);
		args.put("blob", new byte[] { 1, 2, 3 });
		assertThat(write(args)).isEqualTo(body("{\"nan\":{\"$float\":\"AAAAAAAA+H8=\"},\"negZero\":{\"$float\":"
				+ "\"AAAAAAAAAIA=\"},\"blob\":{\"$bytes\":\"AQID\"}}"));
	}

	@Test
	void pathIsWrittenAsGiven() {
		assertThat(new String(this.writer.write(FunctionKind.QUERY, "dir/sub/mod:fn", null), StandardCharsets.UTF_8))
			.isEqualTo("{\"path\":\"dir/sub/mod:fn\",\"args\":[{}],\"format\":\"convex_encoded_json\"}");
	}

	@Test
	void applicationNamingStrategyCarriesOver() {
		RequestBodyWriter snake = new RequestBodyWriter(ConvexCodec.create(JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.build()));
		assertThat(new String(snake.write(FunctionKind.ACTION, "a:b", new Named("x")), StandardCharsets.UTF_8))
			.isEqualTo("{\"path\":\"a:b\",\"args\":[{\"user_name\":\"x\"}],\"format\":\"convex_encoded_json\"}");
	}

	@Test
	void unsafeLongIsRefusedWithFunctionAndFieldPath() {
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> write(new Wrapper(List.of(new Order("a", 1, 1), new Order("b", 1L << 60, 1)))))
			.withMessageStartingWith("Mutation orders:create: the arguments cannot be sent: at orders[1].qty: ")
			.satisfies((ex) -> {
				assertThat(ex.argumentPath()).isEqualTo("orders[1].qty");
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.MUTATION);
				assertThat(ex.functionDidNotRun()).isTrue();
				assertThat(ex.httpStatus()).isEmpty();
			});
	}

	@Test
	void unsafeIntegerInAMapIsRefused() {
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> write(Map.of("id", -(1L << 53) - 1)))
			.satisfies((ex) -> assertThat(ex.argumentPath()).isEqualTo("id"));
	}

	@Test
	void int64BeyondSixtyFourBitsIsRefused() {
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> write(new Counter(ConvexInt64.of(0), 0, BigInteger.TWO.pow(63))))
			.satisfies((ex) -> assertThat(ex.argumentPath()).isEqualTo("c"));
	}

	@Test
	void dollarPrefixedMapKeyIsRefused() {
		assertThatExceptionOfType(ConvexArgumentException.class).isThrownBy(() -> write(Map.of("$where", "x")))
			.withMessageContaining("$where");
	}

	@Test
	void dollarPrefixedRecordComponentIsRefused() {
		assertThatExceptionOfType(ConvexArgumentException.class).isThrownBy(() -> write(new Dollar("x")))
			.withMessageContaining("$id");
	}

	@Test
	void controlCharacterInAFieldNameIsRefused() {
		assertThatExceptionOfType(ConvexArgumentException.class).isThrownBy(() -> write(Map.of("a\nb", 1)));
	}

	@Test
	void scalarsCollectionsAndArraysAreRefusedAsArguments() {
		for (Object args : new Object[] { "hi", 42, 4.2, true, 'c', List.of(1), Set.of("a"), new int[] { 1 },
				new Object[0], Optional.of(Map.of()), FunctionKind.ACTION }) {
			assertThatExceptionOfType(ConvexArgumentException.class).as(args.getClass().getName())
				.isThrownBy(() -> write(args))
				.withMessageContaining("Convex arguments are an object (a record, a bean or a Map)")
				.satisfies((ex) -> assertThat(ex.argumentPath()).isEmpty());
		}
	}

	@Test
	void valuesThatSerializeToANonObjectAreRefusedAsArguments() {
		for (Object args : new Object[] { UUID.randomUUID(), new AsString("x"),
				JsonMapper.builder().build().readTree("[1,2]"), JsonMapper.builder().build().readTree("\"x\"") }) {
			assertThatExceptionOfType(ConvexArgumentException.class).as(args.getClass().getName())
				.isThrownBy(() -> write(args))
				.withMessageContaining("Convex arguments are an object (a record, a bean or a Map)")
				.withMessageContaining(args.getClass().getName());
		}
	}

	@Test
	void objectJsonNodeIsAcceptedAsArguments() {
		assertThat(write(JsonMapper.builder().build().readTree("{\"a\":\"b\"}"))).isEqualTo(body("{\"a\":\"b\"}"));
	}

	record Order(String sku, long qty, double price) {
	}

	record Wrapper(List<Order> orders) {
	}

	record Patch(String id, String note, Optional<String> tag) {
	}

	record Counter(ConvexInt64 a, @Int64 long b, @Int64 BigInteger c) {
	}

	record Named(String userName) {
	}

	record Dollar(@JsonProperty("$id") String id) {
	}

	record AsString(@JsonValue String value) {
	}

}
