package io.convexspring.maven.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.FunctionSpec;
import io.convexspring.maven.spec.SpecException;

/**
 * Generates the typed Java API of a Convex app from its spec: {@code Api} with one field per
 * module and, on it, one function reference per public function ({@code Api.emails.send}); a
 * class per module holding the records of its arguments and results; {@code Tables} with a
 * record per table document; and, on request, {@code InternalApi} for internal functions.
 * Pure Java, deterministic: the same spec gives the same text.
 */
public final class ApiGenerator {

	/** Names the generated sources use unqualified: no generated type may take them. */
	private static final Set<String> RESERVED = Set.of("List", "Map", "Id", "Int64", "ConvexInt64", "JsonNode",
			"Nullable", "JsonProperty", "JsonInclude", "JsonTypeInfo", "JsonSubTypes", "ConvexAction", "ConvexMutation",
			"ConvexQuery", "ParameterizedTypeReference", "Object", "String", "Double", "Long", "Boolean", "Byte",
			"Void", "Integer", "Override", "Deprecated", "SuppressWarnings", "Class", "Math", "System", "Record",
			"Enum", "Character", "Number", "Thread", "Runtime", "Exception", "Error", "Iterable", "Comparable",
			"Files", "Path", "Optional", "Set", "Collection");

	private final String packageName;

	private final boolean includeInternal;

	/**
	 * Creates a generator.
	 * @param packageName the package of the generated sources
	 * @param includeInternal whether to generate {@code InternalApi} for internal functions
	 */
	public ApiGenerator(String packageName, boolean includeInternal) {
		this.packageName = packageName;
		this.includeInternal = includeInternal;
	}

	/**
	 * Generates the sources.
	 * @param spec the functions and tables
	 * @return the sources and warnings
	 * @throws SpecException when the functions cannot be laid out (a function and a submodule
	 * with the same name)
	 */
	public GeneratedSources generate(ConvexSpec spec) {
		ModuleNode publicRoot = new ModuleNode("", "");
		ModuleNode internalRoot = new ModuleNode("", "");
		for (FunctionSpec function : spec.functions()) {
			if (!function.internal()) {
				publicRoot.add(function);
			}
			else if (this.includeInternal) {
				internalRoot.add(function);
			}
		}
		Set<String> topLevel = new HashSet<>(Set.of("Api", "Tables", "InternalApi"));
		publicRoot.name(topLevel, "");
		internalRoot.name(topLevel, "Internal");
		Set<String> reserved = new HashSet<>(RESERVED);
		reserved.addAll(topLevel);

		List<String> warnings = new ArrayList<>();
		TypeDecl tables = new TypeDecl(TypeDecl.Kind.HOLDER, "Tables", null);
		Set<String> tableReserved = new HashSet<>(RESERVED);
		tableReserved.add("Tables");
		TypeMapper tableMapper = TypeMapper.forTables(reserved, tableReserved, tables, warnings);
		tableMapper.declareTables(spec.tables());

		Map<ModuleNode, TypeDecl> classes = new java.util.LinkedHashMap<>();
		for (ModuleNode root : List.of(publicRoot, internalRoot)) {
			for (ModuleNode node : root.all()) {
				TypeDecl decl = new TypeDecl(TypeDecl.Kind.HOLDER, node.className, null);
				TypeMapper mapper = tableMapper.forModule();
				for (FunctionSpec function : node.functions) {
					String base = Names.type(function.exportName());
					JavaType args = mapper.arguments(function.args(), base + "Args", decl, function.callPath());
					JavaType result = mapper.result(function.returns(), base + "Result", decl, function.callPath());
					node.references.add(new ModuleNode.Reference(function, args, result));
				}
				classes.put(node, decl);
			}
		}

		SourceWriter writer = new SourceWriter(this.packageName);
		TreeMap<String, String> files = new TreeMap<>();
		String directory = this.packageName.isEmpty() ? "" : this.packageName.replace('.', '/') + "/";
		files.put(directory + "Api.java", writer.api("Api", publicRoot, spec.httpRoutes(), false));
		if (this.includeInternal) {
			files.put(directory + "InternalApi.java", writer.api("InternalApi", internalRoot, List.of(), true));
		}
		files.put(directory + "Tables.java", writer.tables(tables));
		for (Map.Entry<ModuleNode, TypeDecl> entry : classes.entrySet()) {
			files.put(directory + entry.getKey().className + ".java", writer.module(entry.getKey(), entry.getValue()));
		}
		return new GeneratedSources(java.util.Collections.unmodifiableSortedMap(files), List.copyOf(warnings));
	}

	/** A module path segment: a module, a directory, or both. */
	static final class ModuleNode {

		record Reference(FunctionSpec function, JavaType args, JavaType result) {
		}

		final String segment;

		final String path;

		final TreeMap<String, ModuleNode> children = new TreeMap<>();

		final List<FunctionSpec> functions = new ArrayList<>();

		final List<Reference> references = new ArrayList<>();

		String className = "";

		String fieldName = "";

		ModuleNode(String segment, String path) {
			this.segment = segment;
			this.path = path;
		}

		void add(FunctionSpec function) {
			ModuleNode node = this;
			for (String segment : function.modulePath().split("/")) {
				String path = node.path.isEmpty() ? segment : node.path + "/" + segment;
				node = node.children.computeIfAbsent(segment, (key) -> new ModuleNode(segment, path));
			}
			node.functions.add(function);
		}

		/** Class and field names, parents before children, in path order. */
		void name(Set<String> topLevel, String prefix) {
			Set<String> fields = new HashSet<>();
			for (ModuleNode child : this.children.values()) {
				StringBuilder base = new StringBuilder(prefix);
				for (String segment : child.path.split("/")) {
					base.append(Names.type(segment));
				}
				String name = base.toString();
				if (child.functions.isEmpty()) {
					name += "Modules";
				}
				else if (RESERVED.contains(name)) {
					name += "Module";
				}
				child.className = Names.unique(name, topLevel);
				topLevel.add(child.className);
				child.fieldName = Names.field(child.segment);
				fields.add(child.fieldName);
			}
			for (FunctionSpec function : this.functions) {
				if (fields.contains(Names.field(function.exportName()))) {
					throw new SpecException("the function " + function.callPath() + " has the name of the module folder "
							+ this.path + "/" + function.exportName() + "/: rename one of them");
				}
			}
			for (ModuleNode child : this.children.values()) {
				child.name(topLevel, prefix);
			}
		}

		/** This node's descendants that are classes (all but the root), in path order. */
		List<ModuleNode> all() {
			List<ModuleNode> all = new ArrayList<>();
			for (ModuleNode child : this.children.values()) {
				all.add(child);
				all.addAll(child.all());
			}
			return all;
		}

		@Nullable ModuleNode child(String segment) {
			return this.children.get(segment);
		}

	}

}
