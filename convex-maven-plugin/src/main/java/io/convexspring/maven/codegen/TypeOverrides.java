package io.convexspring.maven.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.FunctionSpec;
import io.convexspring.maven.spec.SpecException;
import io.convexspring.maven.spec.Validator;
import io.convexspring.maven.spec.Validator.ArrayType;
import io.convexspring.maven.spec.Validator.Field;
import io.convexspring.maven.spec.Validator.NumberType;
import io.convexspring.maven.spec.Validator.ObjectType;
import io.convexspring.maven.spec.Validator.RecordType;
import io.convexspring.maven.spec.Validator.Union;

/**
 * Applies the build's type overrides to a spec: each names a {@code v.number()} that holds
 * whole numbers (a {@code Date.now()} timestamp, a count), which the generator then types
 * {@code long} instead of {@code double}. The wire stays float64: the codec reads such a value
 * only when it is a whole number, and refuses to send a {@code long} that a float64 cannot hold.
 *
 * <p>A path is {@code table.field...}, {@code module:export.args.field...} or
 * {@code module:export.returns[.field...]}; arrays, record values and unions are passed through.
 * The override belongs to the object shape that holds the field, so that shape, wherever it is
 * used (a table document that a query returns, a validator shared by several functions), is one
 * Java record with one type.
 */
public final class TypeOverrides {

	private static final String CREATION_TIME = "_creationTime";

	/** Object shapes and their fields declared integral. */
	private final Map<ObjectType, Set<String>> integralFields = new HashMap<>();

	/** Call paths of the functions whose whole result is declared integral. */
	private final Set<String> integralResults = new HashSet<>();

	/** Table documents with their system fields, as functions return them, to the documents as the schema has them. */
	private final Map<ObjectType, ObjectType> documents = new HashMap<>();

	private TypeOverrides(ConvexSpec spec) {
		for (ConvexSpec.Table table : spec.tables()) {
			withSystemFields(table.name(), table.document(), this.documents);
		}
	}

	/**
	 * An override.
	 * @param path where the {@code v.number()} is, e.g. {@code emails:send.returns.sentAt}
	 * @param javaType the Java type to generate: {@code long}
	 */
	public record Entry(String path, String javaType) {
	}

	/**
	 * Applies overrides.
	 * @param spec the spec as read
	 * @param overrides the overrides
	 * @return the spec with the overridden numbers marked integral
	 * @throws SpecException for an override whose path names nothing, or no {@code v.number()},
	 * or whose Java type is not {@code long}
	 */
	public static ConvexSpec apply(ConvexSpec spec, List<Entry> overrides) {
		if (overrides.isEmpty()) {
			return spec;
		}
		TypeOverrides resolved = new TypeOverrides(spec);
		for (Entry override : overrides) {
			resolved.resolve(spec, override);
		}
		List<FunctionSpec> functions = new ArrayList<>();
		for (FunctionSpec function : spec.functions()) {
			Validator returns = function.returns();
			if (returns != null) {
				returns = resolved.rewrite(returns);
				if (resolved.integralResults.contains(function.callPath())) {
					returns = integral(returns);
				}
			}
			functions.add(new FunctionSpec(function.identifier(), function.kind(), function.internal(),
					resolved.rewrite(function.args()), returns, function.docs()));
		}
		List<ConvexSpec.Table> tables = new ArrayList<>();
		for (ConvexSpec.Table table : spec.tables()) {
			tables.add(new ConvexSpec.Table(table.name(), resolved.rewrite(table.document())));
		}
		return new ConvexSpec(List.copyOf(functions), spec.httpRoutes(), List.copyOf(tables));
	}

	private void resolve(ConvexSpec spec, Entry override) {
		String path = override.path().strip();
		if (!override.javaType().strip().equals("long")) {
			throw failure(path, "javaType '" + override.javaType() + "' is not supported: a v.number() can be "
					+ "generated as long");
		}
		int colon = path.indexOf(':');
		List<String> segments = new ArrayList<>(List.of(path.substring(Math.max(colon, 0)).split("\\.", -1)));
		String what;
		Validator root;
		if (colon >= 0) {
			String callPath = path.substring(0, colon) + segments.remove(0);
			FunctionSpec function = spec.functions()
				.stream()
				.filter((candidate) -> candidate.callPath().equals(callPath))
				.findFirst()
				.orElseThrow(() -> failure(path, "the spec has no function " + callPath));
			String part = segments.isEmpty() ? "" : segments.remove(0);
			if (part.equals("returns")) {
				if (function.returns() == null) {
					throw failure(path, callPath + " has no returns validator");
				}
				root = function.returns();
				if (segments.isEmpty()) {
					requireNumber(path, List.of(root));
					this.integralResults.add(callPath);
					return;
				}
			}
			else if (part.equals("args") && !segments.isEmpty()) {
				root = function.args();
			}
			else {
				throw failure(path, "a function's path goes on with .args.<field> or .returns[.<field>]");
			}
			what = callPath + "'s " + part;
		}
		else {
			String name = segments.remove(0);
			ConvexSpec.Table table = spec.tables()
				.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> failure(path, "the schema has no table " + name
						+ " (a function's path has a colon: module:export.returns.field)"));
			if (segments.isEmpty()) {
				throw failure(path, "name a field of the table: " + name + ".<field>");
			}
			root = withSystemFields(name, table.document(), new HashMap<>());
			what = "the table " + name;
		}
		List<Validator> current = List.of(root);
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			List<ObjectType> having = new ArrayList<>();
			Set<String> fields = new TreeSet<>();
			for (ObjectType object : objects(current)) {
				fields.addAll(object.fields().keySet());
				if (object.fields().containsKey(segment)) {
					having.add(object);
				}
			}
			if (having.isEmpty()) {
				throw failure(path, what + (i == 0 ? "" : "." + String.join(".", segments.subList(0, i)))
						+ " has no field '" + segment + "'" + (fields.isEmpty() ? "" : " (fields: "
								+ String.join(", ", fields) + ")"));
			}
			current = having.stream().map((object) -> object.fields().get(segment).type()).toList();
			if (i == segments.size() - 1) {
				if (segment.equals(CREATION_TIME)) {
					throw failure(path, "_creationTime has fractions of a millisecond, so it stays a double");
				}
				requireNumber(path, current);
				for (ObjectType object : having) {
					mark(object, segment);
				}
			}
		}
	}

	/** The document with its system fields, as functions return it, noted in {@code bare} with the document as the schema has it. */
	private static Validator withSystemFields(String table, Validator document, Map<ObjectType, ObjectType> bare) {
		if (document instanceof ObjectType object) {
			ObjectType doc = TypeMapper.withSystemFields(table, object);
			bare.put(doc, object);
			return doc;
		}
		if (document instanceof Union union) {
			List<Validator> members = new ArrayList<>();
			for (Validator member : union.members()) {
				members.add(withSystemFields(table, member, bare));
			}
			return new Union(List.copyOf(members));
		}
		return document;
	}

	/** Marks a shape's field; a table document's shape is the table's too, so {@code Tables.X} stays one record. */
	private void mark(ObjectType object, String field) {
		this.integralFields.computeIfAbsent(object, (key) -> new HashSet<>()).add(field);
		ObjectType document = this.documents.get(object);
		if (document != null) {
			this.integralFields.computeIfAbsent(document, (key) -> new HashSet<>()).add(field);
		}
	}

	private static void requireNumber(String path, List<Validator> validators) {
		if (validators.stream().noneMatch(TypeOverrides::holdsNumber)) {
			throw failure(path, "it is " + Describe.of(validators.get(0)) + ", not a v.number()");
		}
	}

	private static boolean holdsNumber(Validator validator) {
		if (validator instanceof NumberType) {
			return true;
		}
		if (validator instanceof ArrayType array) {
			return holdsNumber(array.element());
		}
		if (validator instanceof RecordType map) {
			return holdsNumber(map.values());
		}
		return validator instanceof Union union && union.members().stream().anyMatch(TypeOverrides::holdsNumber);
	}

	/** The objects a path segment can name a field of: through arrays, record values and unions. */
	private static List<ObjectType> objects(List<Validator> validators) {
		List<ObjectType> objects = new ArrayList<>();
		for (Validator validator : validators) {
			if (validator instanceof ObjectType object) {
				objects.add(object);
			}
			else if (validator instanceof ArrayType array) {
				objects.addAll(objects(List.of(array.element())));
			}
			else if (validator instanceof RecordType map) {
				objects.addAll(objects(List.of(map.values())));
			}
			else if (validator instanceof Union union) {
				objects.addAll(objects(union.members()));
			}
		}
		return objects;
	}

	/** The validator with the integral fields of every shape marked, looked up by the shape as read. */
	private Validator rewrite(Validator validator) {
		if (validator instanceof ObjectType object) {
			Set<String> integral = this.integralFields.getOrDefault(object, Set.of());
			Map<String, Field> fields = new LinkedHashMap<>();
			for (Map.Entry<String, Field> field : object.fields().entrySet()) {
				Validator type = rewrite(field.getValue().type());
				fields.put(field.getKey(), new Field(integral.contains(field.getKey()) ? integral(type) : type,
						field.getValue().optional()));
			}
			return new ObjectType(Collections.unmodifiableMap(fields));
		}
		if (validator instanceof ArrayType array) {
			return new ArrayType(rewrite(array.element()));
		}
		if (validator instanceof RecordType map) {
			return new RecordType(map.keys(), rewrite(map.values()));
		}
		if (validator instanceof Union union) {
			return new Union(union.members().stream().map(this::rewrite).toList());
		}
		return validator;
	}

	/** The numbers in the validator, through arrays, record values and unions, marked integral. */
	private static Validator integral(Validator validator) {
		if (validator instanceof NumberType) {
			return new NumberType(true);
		}
		if (validator instanceof ArrayType array) {
			return new ArrayType(integral(array.element()));
		}
		if (validator instanceof RecordType map) {
			return new RecordType(map.keys(), integral(map.values()));
		}
		if (validator instanceof Union union) {
			return new Union(union.members().stream().map(TypeOverrides::integral).toList());
		}
		return validator;
	}

	private static SpecException failure(String path, String why) {
		return new SpecException("typeOverride '" + path + "': " + why);
	}

}
