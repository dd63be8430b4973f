package io.convexspring.maven.codegen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Java type as it is written in generated source, with JSpecify's {@code @Nullable} put where
 * a type-use annotation goes ({@code Tables.@Nullable Orders}, {@code byte @Nullable []}).
 */
sealed interface JavaType {

	JavaType DOUBLE = new Primitive("double", "Double");

	JavaType BOOLEAN = new Primitive("boolean", "Boolean");

	JavaType LONG = new Primitive("long", "Long");

	JavaType STRING = Named.of("String");

	JavaType OBJECT = Named.of("Object");

	JavaType VOID = Named.of("Void");

	JavaType JSON_NODE = Named.of("JsonNode");

	JavaType CONVEX_INT64 = Named.of("ConvexInt64");

	JavaType BYTES = new ArrayOf(new Primitive("byte", "Byte"));

	/** The source text. */
	String render();

	/** The source text of the nullable type. */
	String renderNullable();

	/** The type as a type argument: primitives boxed. */
	JavaType boxed();

	/** Whether the type has type arguments, so that a class literal cannot stand for it. */
	default boolean generic() {
		return false;
	}

	/** The class literal's type, e.g. {@code Emails.SendArgs} for {@code Emails.SendArgs.class}. */
	default String erasure() {
		return render();
	}

	/**
	 * A primitive.
	 * @param name the primitive's name
	 * @param box its boxed type's name
	 */
	record Primitive(String name, String box) implements JavaType {

		@Override
		public String render() {
			return this.name;
		}

		@Override
		public String renderNullable() {
			return "@Nullable " + this.box;
		}

		@Override
		public JavaType boxed() {
			return Named.of(this.box);
		}

	}

	/**
	 * A class or interface, possibly nested and generic.
	 * @param outer the enclosing types with a trailing dot ({@code Tables.}), or empty
	 * @param simple the simple name
	 * @param arguments the type arguments
	 * @param nullableArguments which type arguments are nullable
	 */
	record Named(String outer, String simple, List<JavaType> arguments, List<Boolean> nullableArguments)
			implements JavaType {

		static Named of(String simple) {
			return new Named("", simple, List.of(), List.of());
		}

		static Named nested(String qualified) {
			int dot = qualified.lastIndexOf('.');
			return new Named(qualified.substring(0, dot + 1), qualified.substring(dot + 1), List.of(), List.of());
		}

		static Named generic(String simple, List<JavaType> arguments, List<Boolean> nullable) {
			return new Named("", simple, List.copyOf(arguments), List.copyOf(nullable));
		}

		@Override
		public String render() {
			return this.outer + this.simple + typeArguments();
		}

		@Override
		public String renderNullable() {
			return this.outer + "@Nullable " + this.simple + typeArguments();
		}

		@Override
		public JavaType boxed() {
			return this;
		}

		@Override
		public boolean generic() {
			return !this.arguments.isEmpty();
		}

		@Override
		public String erasure() {
			return this.outer + this.simple;
		}

		private String typeArguments() {
			if (this.arguments.isEmpty()) {
				return "";
			}
			StringBuilder text = new StringBuilder("<");
			for (int i = 0; i < this.arguments.size(); i++) {
				JavaType argument = this.arguments.get(i).boxed();
				text.append((i > 0) ? ", " : "")
					.append(this.nullableArguments.get(i) ? argument.renderNullable() : argument.render());
			}
			return text.append('>').toString();
		}

		@Override
		public String toString() {
			return render();
		}

	}

	/**
	 * An array.
	 * @param element the element type
	 */
	record ArrayOf(JavaType element) implements JavaType {

		@Override
		public String render() {
			return this.element.render() + "[]";
		}

		@Override
		public String renderNullable() {
			return this.element.render() + " @Nullable []";
		}

		@Override
		public JavaType boxed() {
			return this;
		}

	}

	static String join(List<? extends JavaType> types) {
		return types.stream().map(JavaType::render).collect(Collectors.joining(", "));
	}

}
