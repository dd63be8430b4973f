package io.convexspring.codec;

import java.io.InputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every vector of the official npm codec ({@code conformance/values.json}, a copy of the
 * project's shared vectors) against {@link ConvexCodec}.
 */
class ConvexCodecConformanceTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final JsonNode VECTORS = load();

	private final ConvexCodec codec = ConvexCodec.create();

	static Stream<Arguments> valid() {
		return vectors("valid");
	}

	static Stream<Arguments> invalid() {
		return vectors("invalid");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valid")
	void validWireValueDecodesToItsJavaMeaning(String name, JsonNode vector) {
		Object decoded = this.codec.fromWireJson(vector.get("wire").toString(), Object.class);
		JsonNode java = vector.get("java");
		switch (java.get("type").stringValue()) {
			case "null" -> assertThat(decoded).isNull();
			case "boolean" -> assertThat(decoded).isEqualTo(java.get("value").booleanValue());
			case "float64" -> assertThat(decoded).isEqualTo(parseDouble(java.get("value").stringValue()));
			case "int64" -> assertThat(decoded).isEqualTo(Long.parseLong(java.get("value").stringValue()));
			case "string" -> assertThat(decoded).isEqualTo(java.get("value").stringValue());
			case "bytes" -> assertThat((byte[]) decoded).isEqualTo(HexFormat.of().parseHex(java.get("hex").stringValue()));
			case "array" -> assertThat(decoded).isInstanceOf(List.class);
			case "object" -> assertThat(decoded).isInstanceOf(Map.class);
			default -> throw new IllegalStateException(java.toString());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valid")
	void validWireValueEncodesBackToTheSameWireValue(String name, JsonNode vector) {
		JsonNode decoded = this.codec.treeFromWireJson(vector.get("wire").toString());
		JsonNode reencoded = PLAIN.readTree(this.codec.toWireJson(decoded));
		assertThat(WireJson.sameValue(reencoded, vector.get("wire")))
			.as("%s re-encoded as %s", vector.get("wire"), reencoded)
			.isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void invalidWireValueIsRefusedWithTheOfficialReason(String name, JsonNode vector) {
		String official = vector.get("officialMessage").stringValue().replace(" on [object Object]", "");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson(vector.get("wire").toString(), Object.class))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(ConvexValueException.Problem.MALFORMED))
			.withMessageContaining(official);
	}

	@org.junit.jupiter.api.Test
	void argumentFieldNameStartingWithDollarIsUnencodable() {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(Map.of("$bad", 1)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(ConvexValueException.Problem.UNENCODABLE))
			.withMessageContaining(unencodable("argument field name starting with $"));
	}

	@org.junit.jupiter.api.Test
	void integerBeyondInt64IsUnencodable() {
		record Args(@Int64 BigInteger id) {
		}
		String official = unencodable("integer beyond int64").replace("BigInt ", "BigInteger ");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(new Args(BigInteger.TWO.pow(64))))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("id"))
			.withMessageContaining(official);
	}

	private static String unencodable(String name) {
		for (JsonNode vector : VECTORS.get("unencodable")) {
			if (vector.get("name").stringValue().equals(name)) {
				return vector.get("officialMessage").stringValue();
			}
		}
		throw new IllegalArgumentException(name);
	}

	static double parseDouble(String text) {
		return switch (text) {
			case "NaN" -> Double.NaN;
			case "Infinity" -> Double.POSITIVE_INFINITY;
			case "-Infinity" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	private static Stream<Arguments> vectors(String list) {
		Stream.Builder<Arguments> arguments = Stream.builder();
		for (JsonNode vector : VECTORS.get(list)) {
			arguments.add(Arguments.of(vector.get("name").stringValue(), vector));
		}
		return arguments.build();
	}

	private static JsonNode load() {
		try (InputStream in = ConvexCodecConformanceTests.class.getResourceAsStream("/conformance/values.json")) {
			return PLAIN.readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
