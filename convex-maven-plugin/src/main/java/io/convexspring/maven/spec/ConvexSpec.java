package io.convexspring.maven.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Convex app's functions and tables, read from a function spec (the output of
 * {@code npx convex function-spec}, live and sorted or offline in declaration order) and,
 * optionally, a schema export ({@code defineSchema(...).export()}).
 *
 * @param functions the queries, mutations and actions, by identifier
 * @param httpRoutes the HTTP actions, as {@code METHOD path}
 * @param tables the tables, by name
 */
public record ConvexSpec(List<FunctionSpec> functions, List<String> httpRoutes, List<Table> tables) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A table of the schema.
	 * @param name the table's name
	 * @param document the document's validator, without the system fields
	 */
	public record Table(String name, Validator document) {
	}

	/**
	 * Reads a function spec file and, when given and present, a schema export file.
	 * @param specFile the function spec
	 * @param schemaFile the schema export, or {@code null}
	 * @return the spec
	 * @throws SpecException when a file is missing or malformed
	 */
	public static ConvexSpec read(Path specFile, @Nullable Path schemaFile) {
		JsonNode spec = readJson(specFile);
		JsonNode schema = (schemaFile != null && Files.isRegularFile(schemaFile)) ? readJson(schemaFile) : null;
		return of(spec, schema);
	}

	/**
	 * Builds the spec from parsed JSON.
	 * @param spec the function spec ({@code {functions: [...]}}, or the bare array)
	 * @param schema the schema export, or {@code null}
	 * @return the spec
	 * @throws SpecException when the JSON is no function spec
	 */
	public static ConvexSpec of(JsonNode spec, @Nullable JsonNode schema) {
		JsonNode list = spec.isArray() ? spec : spec.path("functions");
		if (!list.isArray()) {
			throw new SpecException("a function spec has a \"functions\" array; got " + abbreviate(spec));
		}
		List<FunctionSpec> functions = new ArrayList<>();
		List<String> routes = new ArrayList<>();
		for (JsonNode function : list) {
			String kind = function.path("functionType").asString("");
			if (kind.equals("HttpAction")) {
				routes.add(function.path("method").asString("") + " " + function.path("path").asString(""));
				continue;
			}
			if (!kind.equals("Query") && !kind.equals("Mutation") && !kind.equals("Action")) {
				throw new SpecException("unknown functionType '" + kind + "' in " + abbreviate(function));
			}
			String identifier = function.path("identifier").asString("");
			if (!identifier.contains(":")) {
				throw new SpecException("a function without a module:export identifier: " + abbreviate(function));
			}
			JsonNode returns = function.path("returns");
			boolean internal = function.path("visibility").path("kind").asString("public").equals("internal");
			String docs = function.path("docs").isString() ? function.path("docs").asString() : null;
			functions.add(new FunctionSpec(identifier, kind, internal, Validator.parse(function.path("args")),
					(returns.isMissingNode() || returns.isNull()) ? null : Validator.parse(returns), docs));
		}
		functions.sort(Comparator.comparing(FunctionSpec::identifier));
		routes.sort(Comparator.naturalOrder());
		List<Table> tables = new ArrayList<>();
		if (schema != null) {
			for (JsonNode table : schema.path("tables")) {
				tables.add(new Table(table.path("tableName").asString(), Validator.parse(table.path("documentType"))));
			}
			tables.sort(Comparator.comparing(Table::name));
		}
		return new ConvexSpec(List.copyOf(functions), List.copyOf(routes), List.copyOf(tables));
	}

	private static JsonNode readJson(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new SpecException("no function spec at " + file
					+ ": run `mvn convex:spec` (offline, from the project's functions) or `npx convex function-spec > "
					+ file.getFileName() + "` (from a deployment)");
		}
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException | JacksonException ex) {
			throw new SpecException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static String abbreviate(JsonNode json) {
		String text = json.toString();
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
