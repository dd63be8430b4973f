package io.convexspring.maven.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.Validator;
import io.convexspring.maven.spec.Validator.AnyType;
import io.convexspring.maven.spec.Validator.ArrayType;
import io.convexspring.maven.spec.Validator.BooleanType;
import io.convexspring.maven.spec.Validator.BytesType;
import io.convexspring.maven.spec.Validator.Field;
import io.convexspring.maven.spec.Validator.IdType;
import io.convexspring.maven.spec.Validator.Int64Type;
import io.convexspring.maven.spec.Validator.Literal;
import io.convexspring.maven.spec.Validator.NullType;
import io.convexspring.maven.spec.Validator.NumberType;
import io.convexspring.maven.spec.Validator.ObjectType;
import io.convexspring.maven.spec.Validator.RecordType;
import io.convexspring.maven.spec.Validator.StringType;
import io.convexspring.maven.spec.Validator.Union;

/**
 * Maps validators to Java types, declaring the records, enums and sealed interfaces they need.
 * Equal shapes map to one type: table documents (with {@code _id} and {@code _creationTime})
 * first, then shapes already declared in the same module.
 */
final class TypeMapper {

	/** Where a type is used: what an int64 becomes depends on it. */
	enum Position {

		/** A record component: {@code @Int64 long}. */
		FIELD,
		/** The element of a list component: {@code @Int64 List<Long>}. */
		FIELD_ELEMENT,
		/** Deeper (map values, nested lists): {@code ConvexInt64}. */
		DEEP,
		/** A result type, only ever read: {@code Long}. */
		RESULT

	}

	/**
	 * A mapped type.
	 * @param type the Java type
	 * @param nullable whether Convex {@code null} is one of its values
	 * @param int64 whether the component needs {@code @Int64}
	 */
	record Mapped(JavaType type, boolean nullable, boolean int64) {
	}

	private static final List<String> PREFERRED_DISCRIMINATORS = List.of("kind", "type", "tag");

	private final Set<String> reserved;

	/** Names that types nested in {@code Tables} cannot take: fewer, since its body names no module. */
	private final Set<String> tableReserved;

	/** Every type this mapper declared, to document it where it is first used. */
	private final Map<JavaType, TypeDecl> declared = new HashMap<>();

	private final Map<Validator, JavaType> shared;

	private final Map<Validator, JavaType> local = new HashMap<>();

	private final Map<String, JavaType> tableTypes;

	private final TypeDecl tables;

	private final List<String> warnings;

	private TypeMapper(Set<String> reserved, Set<String> tableReserved, Map<Validator, JavaType> shared,
			Map<String, JavaType> tableTypes, TypeDecl tables, List<String> warnings) {
		this.reserved = reserved;
		this.tableReserved = tableReserved;
		this.shared = shared;
		this.tableTypes = tableTypes;
		this.tables = tables;
		this.warnings = warnings;
	}

	/** The mapper of the tables: what it declares, every module reuses. */
	static TypeMapper forTables(Set<String> reserved, Set<String> tableReserved, TypeDecl tables,
			List<String> warnings) {
		return new TypeMapper(tableReserved, tableReserved, new HashMap<>(), new HashMap<>(), tables, warnings)
			.withReserved(reserved);
	}

	private Set<String> moduleReserved = Set.of();

	private TypeMapper withReserved(Set<String> moduleReserved) {
		this.moduleReserved = moduleReserved;
		return this;
	}

	/** A mapper for one module, reusing the tables' shapes. */
	TypeMapper forModule() {
		Map<Validator, JavaType> shared = new HashMap<>(this.shared);
		shared.putAll(this.local);
		return new TypeMapper(this.moduleReserved, this.tableReserved, shared, this.tableTypes, this.tables,
				this.warnings);
	}

	/**
	 * Declares {@code Tables.X} for each table: a record, a sealed interface or a marker. Every
	 * table is named before any is filled, so that documents can hold ids of any table.
	 */
	void declareTables(List<ConvexSpec.Table> tables) {
		Map<TypeDecl, Validator> toFill = new LinkedHashMap<>();
		for (ConvexSpec.Table table : tables) {
			String name = Names.type(table.name());
			Validator document = table.document();
			if (document instanceof ObjectType object) {
				ObjectType doc = withSystemFields(table.name(), object);
				TypeDecl decl = this.tables.nest(TypeDecl.Kind.RECORD, name, this.tableReserved);
				decl.javadoc = "A document of the table {@code " + Describe.escape(table.name()) + "} ({@code Doc<\""
						+ Describe.escape(table.name()) + "\">}).";
				this.tableTypes.put(table.name(), decl.type());
				this.local.put(doc, decl.type());
				toFill.put(decl, doc);
			}
			else if (document instanceof Union union && union.members().stream().allMatch(ObjectType.class::isInstance)
					&& expressible(union.members().stream().map(ObjectType.class::cast).toList())) {
				List<Validator> members = new ArrayList<>();
				for (Validator member : union.members()) {
					members.add(withSystemFields(table.name(), (ObjectType) member));
				}
				Union docs = new Union(List.copyOf(members));
				TypeDecl decl = this.tables.nest(TypeDecl.Kind.SEALED, name, this.tableReserved);
				decl.javadoc = "A document of the table {@code " + Describe.escape(table.name()) + "} ({@code Doc<\""
						+ Describe.escape(table.name()) + "\">}), one of its union's members.";
				this.tableTypes.put(table.name(), decl.type());
				this.local.put(docs, decl.type());
				toFill.put(decl, docs);
			}
			else {
				marker(table.name(), "its documents are {@code " + Describe.of(document)
						+ "}, which has no Java shape: read them as {@code JsonNode}");
			}
		}
		for (Map.Entry<TypeDecl, Validator> entry : toFill.entrySet()) {
			if (entry.getValue() instanceof ObjectType object) {
				fill(entry.getKey(), object);
			}
			else {
				fillUnion(entry.getKey(), ((Union) entry.getValue()).members().stream().map(ObjectType.class::cast).toList());
			}
		}
	}

	/** The type of ids of a table, a marker {@code Tables.X} for a table the schema does not have. */
	private JavaType tableType(String table) {
		JavaType type = this.tableTypes.get(table);
		return (type != null) ? type : marker(table, "not in the schema, so only a type for its ids ({@code Id<Tables.X>})");
	}

	private JavaType marker(String table, String why) {
		TypeDecl decl = this.tables.nest(TypeDecl.Kind.MARKER, Names.type(table), this.tableReserved);
		decl.javadoc = "The table {@code " + Describe.escape(table) + "}: " + why + ".";
		this.tableTypes.put(table, decl.type());
		return decl.type();
	}

	/** A table's document with {@code _id} and {@code _creationTime}: {@code Doc<"table">}. */
	static ObjectType withSystemFields(String table, ObjectType document) {
		Map<String, Field> fields = new LinkedHashMap<>();
		fields.put("_id", new Field(new IdType(table), false));
		fields.put("_creationTime", new Field(new NumberType(), false));
		fields.putAll(document.fields());
		return new ObjectType(java.util.Collections.unmodifiableMap(fields));
	}

	/** The record of a function's arguments, or {@code null} when it takes none ({@code {}}). */
	JavaType arguments(Validator args, String name, TypeDecl owner, String callPath) {
		if (args instanceof ObjectType object) {
			if (object.fields().isEmpty()) {
				return JavaType.VOID;
			}
			JavaType known = known(object);
			if (known != null) {
				return known;
			}
			TypeDecl decl = owner.nest(TypeDecl.Kind.RECORD, name, this.reserved);
			decl.javadoc = "The arguments of {@code " + Describe.escape(callPath) + "}.";
			this.local.put(object, decl.type());
			fill(decl, object);
			return decl.type();
		}
		// no args validator: anything goes
		return JavaType.Named.generic("Map", List.of(JavaType.STRING, JavaType.OBJECT), List.of(false, true));
	}

	/** A function's result type: {@code JsonNode} when it declares none, {@code Void} for {@code null}. */
	JavaType result(@Nullable Validator returns, String name, TypeDecl owner, String callPath) {
		if (returns == null || returns instanceof AnyType) {
			return JavaType.JSON_NODE;
		}
		if (returns instanceof NullType) {
			return JavaType.VOID;
		}
		String suggestion = (returns instanceof ArrayType) ? name.replaceFirst("Result$", "Items") : name;
		JavaType type = map(returns, Position.RESULT, suggestion, owner).type().boxed();
		document(type, "The result of {@code " + Describe.escape(callPath) + "}.");
		return type;
	}

	Mapped map(Validator validator, Position position, String suggestion, TypeDecl owner) {
		if (validator instanceof StringType) {
			return plain(JavaType.STRING);
		}
		if (validator instanceof NumberType number) {
			if (!number.integral()) {
				return plain(JavaType.DOUBLE);
			}
			// a float64 read as a whole number: no @Int64, so it goes out as a float64 again
			return plain((position == Position.FIELD) ? JavaType.LONG : JavaType.Named.of("Long"));
		}
		if (validator instanceof Int64Type) {
			return int64(position);
		}
		if (validator instanceof BooleanType) {
			return plain(JavaType.BOOLEAN);
		}
		if (validator instanceof NullType) {
			return new Mapped((position == Position.RESULT) ? JavaType.VOID : JavaType.OBJECT, true, false);
		}
		if (validator instanceof BytesType) {
			return plain(JavaType.BYTES);
		}
		if (validator instanceof AnyType) {
			return plain(JavaType.JSON_NODE);
		}
		if (validator instanceof IdType id) {
			return plain(JavaType.Named.generic("Id", List.of(tableType(id.table())), List.of(false)));
		}
		if (validator instanceof Literal literal) {
			Object value = literal.value();
			if (value instanceof String text) {
				return plain(enumeration(List.of(text), validator, suggestion, owner));
			}
			if (value instanceof Boolean) {
				return plain(JavaType.BOOLEAN);
			}
			return (value instanceof Long) ? int64(position) : plain(JavaType.DOUBLE);
		}
		if (validator instanceof ArrayType array) {
			Position inner = (position == Position.FIELD && isInt64(array.element())) ? Position.FIELD_ELEMENT
					: (position == Position.RESULT) ? Position.RESULT : Position.DEEP;
			Mapped element = map(array.element(), inner, Names.singular(suggestion), owner);
			return new Mapped(JavaType.Named.generic("List", List.of(element.type()), List.of(element.nullable())),
					false, element.int64());
		}
		if (validator instanceof RecordType map) {
			Position inner = (position == Position.RESULT) ? Position.RESULT : Position.DEEP;
			Mapped value = map(map.values(), inner, suggestion + "Value", owner);
			return plain(JavaType.Named.generic("Map", List.of(JavaType.STRING, value.type()),
					List.of(false, value.nullable())));
		}
		if (validator instanceof ObjectType object) {
			JavaType known = known(object);
			if (known != null) {
				return plain(known);
			}
			TypeDecl decl = nest(owner, TypeDecl.Kind.RECORD, suggestion);
			this.local.put(object, decl.type());
			fill(decl, object);
			return plain(decl.type());
		}
		return union((Union) validator, position, suggestion, owner);
	}

	private Mapped union(Union union, Position position, String suggestion, TypeDecl owner) {
		List<Validator> members = union.members().stream().filter((member) -> !(member instanceof NullType)).toList();
		boolean nullable = members.size() < union.members().size();
		if (members.isEmpty()) {
			return new Mapped(JavaType.OBJECT, true, false);
		}
		if (members.size() == 1) {
			Mapped only = map(members.get(0), position, suggestion, owner);
			return new Mapped(only.type(), nullable || only.nullable(), only.int64());
		}
		Union rest = new Union(members);
		if (members.stream().allMatch((member) -> member instanceof Literal literal && literal.value() instanceof String)) {
			List<String> values = members.stream().map((member) -> (String) ((Literal) member).value()).toList();
			return new Mapped(enumeration(values, rest, suggestion, owner), nullable, false);
		}
		if (members.stream().allMatch(ObjectType.class::isInstance)) {
			JavaType known = known(rest);
			if (known != null) {
				return new Mapped(known, nullable, false);
			}
			TypeDecl decl = declareObjectUnion(rest, suggestion, owner);
			if (decl != null) {
				return new Mapped(decl.type(), nullable, false);
			}
			this.warnings.add("the union " + Describe.of(union) + " has no Java shape (one member's fields are "
					+ "a subset of another's, and no literal field tells them apart): it is a JsonNode");
			return new Mapped(JavaType.JSON_NODE, nullable, false);
		}
		String base = baseKind(members);
		if (base != null) {
			Mapped mapped = map(switch (base) {
				case "string" -> new StringType();
				case "number" -> new NumberType(integral(members));
				case "boolean" -> new BooleanType();
				default -> new Int64Type();
			}, position, suggestion, owner);
			return new Mapped(mapped.type(), nullable, mapped.int64());
		}
		return new Mapped(JavaType.JSON_NODE, nullable, false);
	}

	/** A sealed interface for a union of objects, or {@code null} when Jackson could not tell the members apart. */
	private @Nullable TypeDecl declareObjectUnion(Union union, String name, TypeDecl owner) {
		List<ObjectType> members = union.members().stream().map(ObjectType.class::cast).toList();
		if (!expressible(members)) {
			return null;
		}
		TypeDecl decl = nest(owner, TypeDecl.Kind.SEALED, name);
		this.local.put(union, decl.type());
		fillUnion(decl, members);
		return decl;
	}

	private static boolean expressible(List<ObjectType> members) {
		return discriminator(members) != null || deducible(members);
	}

	private void fillUnion(TypeDecl decl, List<ObjectType> members) {
		String discriminator = discriminator(members);
		decl.discriminator = discriminator;
		for (ObjectType member : members) {
			TypeDecl memberRecord;
			if (discriminator != null) {
				String value = (String) ((Literal) member.fields().get(discriminator).type()).value();
				Map<String, Field> fields = new LinkedHashMap<>(member.fields());
				fields.remove(discriminator);
				memberRecord = decl.nest(TypeDecl.Kind.RECORD, Names.type(value), this.reserved);
				memberRecord.javadoc = "The member whose {@code " + Describe.escape(discriminator) + "} is {@code \""
						+ Describe.escape(value) + "\"}.";
				decl.members.put(memberRecord, value);
				fill(memberRecord, new ObjectType(fields));
			}
			else {
				String unique = uniqueField(member, members);
				memberRecord = decl.nest(TypeDecl.Kind.RECORD, Names.type(unique), this.reserved);
				memberRecord.javadoc = "The member with a {@code " + Describe.escape(unique) + "} field.";
				decl.members.put(memberRecord, null);
				fill(memberRecord, member);
			}
			memberRecord.implementing = decl;
		}
		if (decl.javadoc.isEmpty()) {
			decl.javadoc = (discriminator != null) ? "One of " + members.size()
					+ " shapes, told apart by the field {@code " + Describe.escape(discriminator) + "}."
					: "One of " + members.size() + " shapes, told apart by which fields are present.";
		}
	}

	/** A non-optional string-literal field with a distinct value in every member; {@code kind}, {@code type}, {@code tag} first. */
	private static @Nullable String discriminator(List<ObjectType> members) {
		Set<String> candidates = new TreeSet<>(members.get(0).fields().keySet());
		for (ObjectType member : members) {
			candidates.retainAll(member.fields().keySet());
		}
		List<String> qualifying = new ArrayList<>();
		for (String candidate : candidates) {
			Set<Object> values = new java.util.HashSet<>();
			boolean ok = true;
			for (ObjectType member : members) {
				Field field = member.fields().get(candidate);
				if (field.optional() || !(field.type() instanceof Literal literal) || !(literal.value() instanceof String)
						|| !values.add(literal.value())) {
					ok = false;
					break;
				}
			}
			if (ok) {
				qualifying.add(candidate);
			}
		}
		for (String preferred : PREFERRED_DISCRIMINATORS) {
			if (qualifying.contains(preferred)) {
				return preferred;
			}
		}
		return qualifying.isEmpty() ? null : qualifying.get(0);
	}

	/** Whether every member has a required field that no other member has: Jackson's deduction then works. */
	private static boolean deducible(List<ObjectType> members) {
		for (ObjectType member : members) {
			if (uniqueFieldOrNull(member, members) == null) {
				return false;
			}
		}
		return true;
	}

	private static String uniqueField(ObjectType member, List<ObjectType> members) {
		String field = uniqueFieldOrNull(member, members);
		return (field != null) ? field : "member";
	}

	private static @Nullable String uniqueFieldOrNull(ObjectType member, List<ObjectType> members) {
		for (Map.Entry<String, Field> field : member.fields().entrySet()) {
			if (field.getValue().optional()) {
				continue;
			}
			boolean unique = members.stream()
				.filter((other) -> other != member)
				.noneMatch((other) -> other.fields().containsKey(field.getKey()));
			if (unique) {
				return field.getKey();
			}
		}
		return null;
	}

	/** Whether a union of numbers holds only whole numbers: its {@code v.number()} members are all declared integral. */
	private static boolean integral(List<Validator> members) {
		boolean integral = false;
		for (Validator member : members) {
			if (member instanceof NumberType number) {
				if (!number.integral()) {
					return false;
				}
				integral = true;
			}
			else if (member instanceof Literal literal && literal.value() instanceof Double value
					&& (value != Math.rint(value) || Double.isInfinite(value))) {
				return false;
			}
		}
		return integral;
	}

	private static @Nullable String baseKind(List<Validator> members) {
		Set<String> kinds = new TreeSet<>();
		for (Validator member : members) {
			kinds.add(kind(member));
		}
		return (kinds.size() == 1 && !kinds.contains("other")) ? kinds.iterator().next() : null;
	}

	private static String kind(Validator member) {
		Object value = (member instanceof Literal literal) ? literal.value() : null;
		if (member instanceof StringType || value instanceof String) {
			return "string";
		}
		if (member instanceof NumberType || value instanceof Double) {
			return "number";
		}
		if (member instanceof BooleanType || value instanceof Boolean) {
			return "boolean";
		}
		return (member instanceof Int64Type || value instanceof Long) ? "int64" : "other";
	}

	private JavaType enumeration(List<String> values, Validator key, String suggestion, TypeDecl owner) {
		JavaType known = known(key);
		if (known != null) {
			return known;
		}
		TypeDecl decl = nest(owner, TypeDecl.Kind.ENUM, suggestion);
		Set<String> taken = new java.util.HashSet<>();
		for (String value : values) {
			String constant = Names.unique(Names.constant(value), taken);
			taken.add(constant);
			decl.constants.put(constant, value);
		}
		decl.javadoc = (values.size() == 1) ? "The literal {@code \"" + Describe.escape(values.get(0)) + "\"}."
				: "One of the literals " + String.join(", ",
						values.stream().map((value) -> "{@code \"" + Describe.escape(value) + "\"}").toList()) + ".";
		this.local.put(key, decl.type());
		return decl.type();
	}

	/** Fills a record's components from an object's fields. */
	void fill(TypeDecl decl, ObjectType object) {
		Set<String> taken = new java.util.HashSet<>();
		for (Map.Entry<String, Field> entry : object.fields().entrySet()) {
			String wire = entry.getKey();
			Field field = entry.getValue();
			String javaName = Names.unique(Names.field(wire), taken);
			taken.add(javaName);
			Mapped mapped = map(field.type(), Position.FIELD, Names.type(wire), decl);
			document(mapped.type(), "The value of the field {@code " + Describe.escape(wire) + "}.");
			List<String> annotations = new ArrayList<>();
			annotations.add("@JsonProperty(\"" + Describe.javaString(wire) + "\")");
			if (!field.optional() && mapped.nullable()) {
				// a required nullable field: absent would fail validation, so null is sent
				annotations.add("@JsonInclude(JsonInclude.Include.ALWAYS)");
			}
			if (mapped.int64()) {
				annotations.add("@Int64");
			}
			boolean nullable = field.optional() || mapped.nullable();
			String type = nullable ? mapped.type().renderNullable() : mapped.type().render();
			String doc = "{@code " + Describe.escape(wire) + "}: {@code " + Describe.of(field.type())
					+ (field.optional() ? "} (optional: left out when {@code null})" : "}")
					+ (integralNumber(field.type()) ? ", whole numbers only (a type override)" : "");
			decl.components.add(new TypeDecl.Component(javaName, wire, type, annotations, doc));
		}
	}

	/** Gives a type declared without Javadoc (and its element types) the Javadoc of where it is first used. */
	private void document(JavaType type, String javadoc) {
		TypeDecl decl = this.declared.get(type);
		if (decl != null && decl.javadoc.isEmpty()) {
			decl.javadoc = javadoc;
		}
		if (type instanceof JavaType.Named named) {
			for (JavaType argument : named.arguments()) {
				document(argument, javadoc.replace("The result", "An element of the result")
					.replace("The value of", "An element of"));
			}
		}
	}

	private TypeDecl nest(TypeDecl owner, TypeDecl.Kind kind, String name) {
		TypeDecl decl = owner.nest(kind, name, this.reserved);
		this.declared.put(decl.type(), decl);
		return decl;
	}

	private @Nullable JavaType known(Validator shape) {
		JavaType type = this.shared.get(shape);
		return (type != null) ? type : this.local.get(shape);
	}

	private static boolean integralNumber(Validator validator) {
		if (validator instanceof NumberType number) {
			return number.integral();
		}
		if (validator instanceof ArrayType array) {
			return integralNumber(array.element());
		}
		if (validator instanceof RecordType map) {
			return integralNumber(map.values());
		}
		return validator instanceof Union union && union.members().stream().anyMatch(TypeMapper::integralNumber);
	}

	private static boolean isInt64(Validator validator) {
		return validator instanceof Int64Type || (validator instanceof Literal literal && literal.value() instanceof Long);
	}

	private static Mapped plain(JavaType type) {
		return new Mapped(type, false, false);
	}

	private static Mapped int64(Position position) {
		return switch (position) {
			case FIELD -> new Mapped(JavaType.LONG, false, true);
			case FIELD_ELEMENT -> new Mapped(JavaType.Named.of("Long"), false, true);
			case DEEP -> plain(JavaType.CONVEX_INT64);
			case RESULT -> plain(JavaType.Named.of("Long"));
		};
	}

}
