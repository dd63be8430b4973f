package io.convexspring.sample.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The demo's lossless codec against wire forms produced by the official npm codec.
 */
class ConvexValuesTests {

	@Test
	void encodesInt64AndSpecialFloatsAsTheOfficialCodecDoes() {
		assertThat(ConvexValues.encode(Long.MAX_VALUE)).isEqualTo(json("{\"$integer\":\"/////////38=\"}"));
		assertThat(ConvexValues.encode(-1L)).isEqualTo(json("{\"$integer\":\"//////////8=\"}"));
		assertThat(ConvexValues.encode(Double.NaN)).isEqualTo(json("{\"$float\":\"AAAAAAAA+H8=\"}"));
		assertThat(ConvexValues.encode(Double.NEGATIVE_INFINITY)).isEqualTo(json("{\"$float\":\"AAAAAAAA8P8=\"}"));
		assertThat(ConvexValues.encode(-0.0)).isEqualTo(json("{\"$float\":\"AAAAAAAAAIA=\"}"));
		assertThat(ConvexValues.encode(1.5).doubleValue()).isEqualTo(1.5);
		assertThat(ConvexValues.encode(new byte[] { 0, -1, 16, -128, 127 })).isEqualTo(json("{\"$bytes\":\"AP8QgH8=\"}"));
	}

	@Test
	void decodesNestedValuesToJavaTypes() {
		Object decoded = ConvexValues.decode(json("{\"order\":{\"items\":[{\"price\":19.99,"
				+ "\"qty\":{\"$integer\":\"AgAAAAAAAAA=\"},\"sku\":\"A-1\"}],\"raw\":{\"$bytes\":\"AQID\"},\"n\":42}}"));
		@SuppressWarnings("unchecked")
		Map<String, Object> order = (Map<String, Object>) ((Map<String, Object>) decoded).get("order");
		assertThat(order.get("items")).isEqualTo(List.of(Map.of("price", 19.99, "qty", 2L, "sku", "A-1")));
		assertThat((byte[]) order.get("raw")).containsExactly(1, 2, 3);
		assertThat(order.get("n")).isEqualTo(42.0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"$integer\":\"AAAAAAAAAA==\"}", "{\"$integer\":5}", "{\"$float\":\"AAAAAAAA+D8=\"}",
			"{\"$float\":\"AADAfw==\"}", "{\"$bytes\":[1,2]}", "{\"$weird\":1,\"other\":2}", "{\"$set\":[]}",
			"{\"$map\":[]}", "{\"a\\u0001b\":1}" })
	void refusesWhatTheOfficialDecoderRefuses(String wire) {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexValues.decode(json(wire)));
	}

	private static JsonNode json(String text) {
		return DemoHttp.JSON.readTree(text);
	}

}
