package io.convexspring.codec;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom deserializers that read a nested value themselves ({@code readValueAsTree},
 * {@code readValueAs}) see the same folded tokens as any other, and leave the parser in step.
 */
class WireParserNestedReadTests {

	private static final String ONE = "{\"$integer\":\"AQAAAAAAAAA=\"}";

	private final ConvexCodec codec = ConvexCodec.create();

	@Test
	void aTreeReadByACustomDeserializerIsFolded() {
		Holder holder = this.codec.fromWireJson("{\"k\":" + ONE + ",\"j\":2}", Holder.class);
		assertThat(holder.node().get("k")).isInstanceOf(Int64Node.class);
		assertThat(holder.node().get("k").longValue()).isEqualTo(1L);
		assertThat(holder.node().get("j").isDouble()).isTrue();
		// written back, the int64 is an int64 again
		assertThat(this.codec.toWireJson(holder.node())).contains("\"k\":" + ONE);
	}

	@Test
	void aSpecialValueReadAsATreeIsItsScalar() {
		Holder holder = this.codec.fromWireJson(ONE, Holder.class);
		assertThat(holder.node()).isInstanceOf(Int64Node.class);
	}

	@Test
	void readingATreeInsideARecordKeepsTheRestInStep() {
		Outer outer = this.codec.fromWireJson("{\"h\":{\"k\":" + ONE + "},\"z\":" + ONE + "}", Outer.class);
		assertThat(outer.z()).isEqualTo(1L);
		assertThat(outer.h().node().get("k").longValue()).isEqualTo(1L);
	}

	@Test
	void aValueReadAsAMapByACustomDeserializerIsFolded() {
		MapHolder holder = this.codec.fromWireJson("{\"k\":" + ONE + "}", MapHolder.class);
		assertThat(holder.map().get("k")).isEqualTo(1L);
	}

	@JsonDeserialize(using = TreeDeserializer.class)
	record Holder(JsonNode node) {
	}

	record Outer(Holder h, long z) {
	}

	@JsonDeserialize(using = MapDeserializer.class)
	record MapHolder(Map<String, Object> map) {
	}

	static class TreeDeserializer extends ValueDeserializer<Holder> {

		@Override
		public Holder deserialize(JsonParser p, DeserializationContext ctxt) {
			return new Holder(p.readValueAsTree());
		}

	}

	static class MapDeserializer extends ValueDeserializer<MapHolder> {

		@Override
		@SuppressWarnings("unchecked")
		public MapHolder deserialize(JsonParser p, DeserializationContext ctxt) {
			return new MapHolder(p.readValueAs(Map.class));
		}

	}

}
