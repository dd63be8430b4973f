package io.convexspring.sample.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.convexspring.test.server.ArgumentValidationException;
import io.convexspring.test.server.FunctionCall;

/**
 * A function's decoded arguments, read through typed getters that act as the function's
 * validator: a missing, extra or mistyped field raises an {@link ArgumentValidationException}
 * whose message names the field the way Convex's {@code v.*} validators do. Optional fields
 * must be absent, not {@code null}, as in Convex.
 */
final class Args {

	private final Map<String, @Nullable Object> fields;

	/** Where these fields sit in the arguments, for messages about nested objects. */
	private final String path;

	Args(Map<String, @Nullable Object> fields) {
		this(fields, "");
	}

	/** A call's arguments, decoded as an untyped object. */
	@SuppressWarnings("unchecked")
	static Args of(FunctionCall call) {
		return new Args(call.args(Map.class));
	}

	private Args(Map<String, @Nullable Object> fields, String path) {
		this.fields = fields;
		this.path = path;
	}

	/** Refuses fields that the function does not declare; call first, as the backend does. */
	void allowOnly(String... names) {
		Set<String> allowed = Set.of(names);
		for (String name : this.fields.keySet()) {
			if (!allowed.contains(name)) {
				throw new ArgumentValidationException("Object contains extra field `" + name
						+ "` that is not in the validator." + where());
			}
		}
	}

	String string(String name) {
		return typed(name, String.class, "v.string()", required(name));
	}

	Optional<String> optionalString(String name) {
		return isPresent(name) ? Optional.of(string(name)) : Optional.empty();
	}

	/** A string that must be one of the literals, like {@code v.union(v.literal(...), ...)}. */
	String oneOf(String name, String... literals) {
		return literal(name, required(name), literals);
	}

	Optional<String> optionalOneOf(String name, String... literals) {
		return isPresent(name) ? Optional.of(oneOf(name, literals)) : Optional.empty();
	}

	double number(String name) {
		return typed(name, Double.class, "v.number()", required(name));
	}

	OptionalDouble optionalNumber(String name) {
		return isPresent(name) ? OptionalDouble.of(number(name)) : OptionalDouble.empty();
	}

	long int64(String name) {
		return typed(name, Long.class, "v.int64()", required(name));
	}

	byte[] bytes(String name) {
		return typed(name, byte[].class, "v.bytes()", required(name));
	}

	/** An array of objects, each read through its own {@code Args}. */
	List<Args> objects(String name) {
		List<?> list = typed(name, List.class, "v.array(v.object({...}))", required(name));
		List<Args> objects = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			String elementPath = this.path + "." + name + "[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> map)) {
				throw mismatch(elementPath, list.get(i), "v.object({...})");
			}
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> fields = (Map<String, @Nullable Object>) map;
			objects.add(new Args(fields, elementPath));
		}
		return objects;
	}

	/** An optional object, read through its own {@code Args}. */
	Optional<Args> optionalObject(String name) {
		if (!isPresent(name)) {
			return Optional.empty();
		}
		Map<?, ?> map = typed(name, Map.class, "v.object({...})", this.fields.get(name));
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> fields = (Map<String, @Nullable Object>) map;
		return Optional.of(new Args(fields, this.path + "." + name));
	}

	private @Nullable Object required(String name) {
		if (!this.fields.containsKey(name)) {
			throw new ArgumentValidationException("Object is missing the required field `" + name
					+ "`. Consider wrapping the field validator in `v.optional(...)` if this is expected." + where());
		}
		return this.fields.get(name);
	}

	/** A present null counts as present: Convex's {@code v.optional} accepts only a missing field. */
	private boolean isPresent(String name) {
		return this.fields.containsKey(name);
	}

	private <T> T typed(String name, Class<T> type, String validator, @Nullable Object value) {
		if (!type.isInstance(value)) {
			throw mismatch(this.path + "." + name, value, validator);
		}
		return type.cast(value);
	}

	private String literal(String name, @Nullable Object value, String... literals) {
		if (!Arrays.asList(literals).contains(value)) {
			String validator = Arrays.stream(literals).map((literal) -> "v.literal(\"" + literal + "\")")
				.collect(Collectors.joining(", ", "v.union(", ")"));
			throw mismatch(this.path + "." + name, value, validator);
		}
		return (String) value;
	}

	private static ArgumentValidationException mismatch(String path, @Nullable Object value, String validator) {
		return new ArgumentValidationException("Value does not match validator.\nPath: " + path + "\nValue: "
				+ ConvexValues.render(value) + "\nValidator: " + validator);
	}

	private String where() {
		return this.path.isEmpty() ? "" : "\n\nPath: " + this.path;
	}

}
