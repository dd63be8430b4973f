package io.convexspring.maven.codegen;

import java.util.Map;
import java.util.stream.Collectors;

import io.convexspring.maven.spec.Validator;
import io.convexspring.maven.spec.Validator.ArrayType;
import io.convexspring.maven.spec.Validator.Field;
import io.convexspring.maven.spec.Validator.IdType;
import io.convexspring.maven.spec.Validator.Literal;
import io.convexspring.maven.spec.Validator.ObjectType;
import io.convexspring.maven.spec.Validator.RecordType;
import io.convexspring.maven.spec.Validator.Union;

/**
 * Text for generated sources: validators as their TypeScript builders (for Javadoc), and
 * escaping for Javadoc and string literals.
 */
final class Describe {

	private static final int MAX_FIELDS = 4;

	private Describe() {
	}

	/** The validator as written in TypeScript, objects abbreviated: {@code v.array(v.int64())}. */
	static String of(Validator validator) {
		if (validator instanceof IdType id) {
			return "v.id(\"" + escape(id.table()) + "\")";
		}
		if (validator instanceof Literal literal) {
			Object value = literal.value();
			if (value instanceof String text) {
				return "v.literal(\"" + escape(text) + "\")";
			}
			if (value instanceof Long integer) {
				return "v.literal(" + integer + "n)";
			}
			if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
				return "v.literal(" + number.longValue() + ")";
			}
			return "v.literal(" + value + ")";
		}
		if (validator instanceof ArrayType array) {
			return "v.array(" + of(array.element()) + ")";
		}
		if (validator instanceof RecordType map) {
			return "v.record(" + of(map.keys()) + ", " + of(map.values()) + ")";
		}
		if (validator instanceof Union union) {
			return "v.union(" + union.members().stream().map(Describe::of).collect(Collectors.joining(", ")) + ")";
		}
		if (validator instanceof ObjectType object) {
			String fields = object.fields()
				.entrySet()
				.stream()
				.limit(MAX_FIELDS)
				.map(Describe::field)
				.collect(Collectors.joining(", "));
			return "v.object({" + fields + ((object.fields().size() > MAX_FIELDS) ? ", ..." : "") + "})";
		}
		String name = validator.getClass().getSimpleName();
		return switch (name) {
			case "StringType" -> "v.string()";
			case "NumberType" -> "v.float64()";
			case "Int64Type" -> "v.int64()";
			case "BooleanType" -> "v.boolean()";
			case "NullType" -> "v.null()";
			case "BytesType" -> "v.bytes()";
			default -> "v.any()";
		};
	}

	private static String field(Map.Entry<String, Field> field) {
		return escape(field.getKey()) + (field.getValue().optional() ? "?" : "");
	}

	/** Safe inside a Javadoc comment: no comment end, no unicode escape, no HTML. */
	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("*/", "*&#47;")
			.replace("\\", "&#92;")
			.replace("@", "&#64;")
			.replace("{", "&#123;")
			.replace("}", "&#125;");
	}

	/** The content of a Java string literal. */
	static String javaString(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
