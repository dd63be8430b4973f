package io.convexspring.codec;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a Jackson tree through the same rules as any other value: its numbers are float64
 * (but an {@link Int64Node} is int64), its binary nodes are bytes and its field names are
 * checked. A tree serializes itself by
 * default, which would bypass every rule.
 */
final class JsonNodeSerializer extends StdSerializer<JsonNode> {

	static final JsonNodeSerializer INSTANCE = new JsonNodeSerializer();

	private JsonNodeSerializer() {
		super(JsonNode.class);
	}

	@Override
	public void serialize(JsonNode node, JsonGenerator gen, SerializationContext ctxt) {
		switch (node.getNodeType()) {
			case OBJECT -> writeObject(node, gen, ctxt);
			case ARRAY -> writeArray(node, gen, ctxt);
			case NUMBER -> {
				if (node instanceof Int64Node) {
					Int64Serializer.INSTANCE.serialize(node.numberValue(), gen, ctxt);
				}
				else {
					Float64Serializer.INSTANCE.serialize(node.numberValue(), gen, ctxt);
				}
			}
			case BINARY -> BytesSerializer.INSTANCE.serialize(node.binaryValue(), gen, ctxt);
			case POJO -> ctxt.writeValue(gen, ((POJONode) node).getPojo());
			case STRING -> gen.writeString(node.stringValue());
			case BOOLEAN -> gen.writeBoolean(node.booleanValue());
			case NULL, MISSING -> gen.writeNull();
		}
	}

	private void writeObject(JsonNode node, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeStartObject(node);
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String problem = FieldNames.problem(field.getKey());
			if (problem != null) {
				throw DatabindException.from(ctxt, problem);
			}
			gen.writeName(field.getKey());
			try {
				serialize(field.getValue(), gen, ctxt);
			}
			catch (JacksonException ex) {
				throw ex.prependPath(node, field.getKey());
			}
		}
		gen.writeEndObject();
	}

	private void writeArray(JsonNode node, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeStartArray(node, node.size());
		for (int i = 0; i < node.size(); i++) {
			try {
				serialize(node.get(i), gen, ctxt);
			}
			catch (JacksonException ex) {
				throw ex.prependPath(node, i);
			}
		}
		gen.writeEndArray();
	}

}
