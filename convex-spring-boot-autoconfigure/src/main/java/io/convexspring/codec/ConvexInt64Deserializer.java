package io.convexspring.codec;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a {@link ConvexInt64} with the same rules as a {@code long}.
 */
final class ConvexInt64Deserializer extends StdScalarDeserializer<ConvexInt64> {

	private final IntegralDeserializer longs = new IntegralDeserializer(Long.class, Long.MIN_VALUE, Long.MAX_VALUE);

	ConvexInt64Deserializer() {
		super(ConvexInt64.class);
	}

	@Override
	public ConvexInt64 deserialize(JsonParser p, DeserializationContext ctxt) {
		return new ConvexInt64((Long) this.longs.deserialize(p, ctxt));
	}

}
