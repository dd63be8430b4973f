package io.convexspring.maven.spec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A Convex validator as the function spec encodes it ({@code ValidatorJSON}). Records compare
 * structurally, and objects compare their fields as a map (order aside), so equal shapes are
 * equal values: the generator dedupes by them.
 */
public sealed interface Validator {

	/** {@code v.string()}. */
	record StringType() implements Validator {
	}

	/**
	 * {@code v.number()} / {@code v.float64()}.
	 * @param integral whether the build declared that it holds whole numbers (a type override,
	 * not part of the spec): it is then a Java {@code long}
	 */
	record NumberType(boolean integral) implements Validator {

		/** A plain {@code v.number()}. */
		public NumberType() {
			this(false);
		}

	}

	/** {@code v.int64()} / {@code v.bigint()} / {@code v.commitTs()}. */
	record Int64Type() implements Validator {
	}

	/** {@code v.boolean()}. */
	record BooleanType() implements Validator {
	}

	/** {@code v.null()}. */
	record NullType() implements Validator {
	}

	/** {@code v.bytes()}. */
	record BytesType() implements Validator {
	}

	/** {@code v.any()}, also the legacy {@code map} and {@code set}. */
	record AnyType() implements Validator {
	}

	/**
	 * {@code v.id(table)}.
	 * @param table the table's name
	 */
	record IdType(String table) implements Validator {
	}

	/**
	 * {@code v.literal(value)}: a {@code String}, a {@code Double}, a {@code Boolean} or, for an
	 * int64 literal, a {@code Long}.
	 * @param value the literal's value
	 */
	record Literal(Object value) implements Validator {
	}

	/**
	 * {@code v.array(element)}.
	 * @param element the elements' validator
	 */
	record ArrayType(Validator element) implements Validator {
	}

	/**
	 * {@code v.object(fields)}.
	 * @param fields the fields by wire name, in the spec's order
	 */
	record ObjectType(Map<String, Field> fields) implements Validator {
	}

	/**
	 * An object field.
	 * @param type the field's validator
	 * @param optional whether the field may be absent ({@code v.optional})
	 */
	record Field(Validator type, boolean optional) {
	}

	/**
	 * {@code v.record(keys, values)}.
	 * @param keys the keys' validator
	 * @param values the values' validator
	 */
	record RecordType(Validator keys, Validator values) implements Validator {
	}

	/**
	 * {@code v.union(members...)}; {@code v.nullable(T)} is a union with {@code v.null()}.
	 * @param members the members, in order
	 */
	record Union(List<Validator> members) implements Validator {
	}

	/**
	 * Reads a validator's JSON.
	 * @param json the {@code ValidatorJSON}
	 * @return the validator
	 * @throws SpecException for JSON that is no validator
	 */
	static Validator parse(JsonNode json) {
		String type = json.path("type").asString("");
		return switch (type) {
			case "string" -> new StringType();
			case "number", "float64" -> new NumberType();
			case "bigint", "int64", "commitTs" -> new Int64Type();
			case "boolean" -> new BooleanType();
			case "null" -> new NullType();
			case "bytes" -> new BytesType();
			case "any", "map", "set" -> new AnyType();
			case "id" -> new IdType(json.path("tableName").asString());
			case "literal" -> new Literal(literal(json.path("value")));
			case "array" -> new ArrayType(parse(json.path("value")));
			case "object" -> new ObjectType(fields(json.path("value")));
			case "record" -> new RecordType(parse(json.path("keys")), parse(json.path("values").path("fieldType")));
			case "union" -> {
				List<Validator> members = new ArrayList<>();
				for (JsonNode member : json.path("value")) {
					members.add(parse(member));
				}
				yield new Union(List.copyOf(members));
			}
			default -> throw new SpecException("unknown validator type '" + type + "' in " + json);
		};
	}

	private static Map<String, Field> fields(JsonNode object) {
		Map<String, Field> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			fields.put(field.getKey(), new Field(parse(field.getValue().path("fieldType")),
					field.getValue().path("optional").asBoolean(false)));
		}
		return java.util.Collections.unmodifiableMap(fields);
	}

	private static Object literal(JsonNode value) {
		if (value.isString()) {
			return value.asString();
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isObject() && value.has("$integer")) {
			// convexToJson: 8 little-endian bytes, base64
			byte[] bytes = Base64.getDecoder().decode(value.get("$integer").asString());
			return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
		}
		if (value.isObject() && value.has("$float")) {
			byte[] bytes = Base64.getDecoder().decode(value.get("$float").asString());
			return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getDouble();
		}
		throw new SpecException("unsupported literal value " + value);
	}

}
