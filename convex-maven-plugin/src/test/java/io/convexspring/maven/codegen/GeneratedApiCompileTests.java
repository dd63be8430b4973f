package io.convexspring.maven.codegen;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexFunction;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;
import io.convexspring.maven.Golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compiles the sources generated from the fixture spec (javax.tools, against the test class
 * path: the starter's codec and references), then checks what they do: references call the
 * right paths, every validator's value round-trips through {@link ConvexCodec} unchanged (int64
 * stays int64, bytes stay bytes, required nulls are sent, unions find their member), what they
 * encode passes the functions' validators once decoded by the official npm codec, and the
 * compiler rejects a reference used with the wrong types.
 */
class GeneratedApiCompileTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final ConvexCodec codec = ConvexCodec.create();

	private static final String ECHO_WIRE = """
				{"text":"t","number":1.5,"float":-2,"count":{"$integer":"BwAAAAAAAAA="},
				 "big":{"$integer":"//////////8="},"flag":true,"nothing":null,"data":{"$bytes":"AQID"},
				 "anything":{"n":{"$integer":"AQAAAAAAAAA="},"s":[1,"x"]},"order":"o1","user":"u1",
				 "word":"hello","one":1,"yes":true,"five":{"$integer":"BQAAAAAAAAA="},"tags":["a","b"],
				 "counts":[{"$integer":"AQAAAAAAAAA="},{"$integer":"AgAAAAAAAAA="}],
				 "matrix":[[{"$integer":"AwAAAAAAAAA="}]],"point":{"x":1,"y":2},
				 "scores":{"a":0.5},"totals":{"o1":{"$integer":"CQAAAAAAAAA="}},"size":"pro-monthly",
				 "nullable":null,"shape":{"type":"circle","radius":2},"contact":{"phone":"123"},
				 "overlapping":{"a":"x","b":"y"},"mixed":3,"stringish":"x","class":"c","my-field":"m",
				 "foo_bar":"f1","fooBar":"f2","hashCode":4,"_private":"p"}""";

	@TempDir
	static Path work;

	private static ClassLoader generated;

	@BeforeAll
	static void compileTheGeneratedSources() throws IOException {
		Path sources = work.resolve("src");
		for (Map.Entry<String, String> file : ApiGeneratorGoldenTests.generateFixture().files().entrySet()) {
			Path path = sources.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		List<Diagnostic<? extends JavaFileObject>> errors = compile(sources, work.resolve("classes"));
		assertThat(errors).as("the generated sources compile").isEmpty();
		generated = new URLClassLoader(new URL[] { work.resolve("classes").toUri().toURL() },
				GeneratedApiCompileTests.class.getClassLoader());
	}

	private ClassLoader previousContextLoader;

	/**
	 * Jackson finds deduced subtypes by name through the context class loader; in an app the
	 * generated classes are on the application's own class path.
	 */
	@BeforeEach
	void loadThroughTheGeneratedClasses() {
		this.previousContextLoader = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(generated);
	}

	@AfterEach
	void restoreTheContextLoader() {
		Thread.currentThread().setContextClassLoader(this.previousContextLoader);
	}

	@Test
	void referencesCallTheFunctionsPathsWithTheirKinds() throws Exception {
		assertReference("emails.send", "emails:send", FunctionKind.ACTION);
		assertReference("orders.list", "orders:list", FunctionKind.QUERY);
		assertReference("orders.save", "orders:save", FunctionKind.MUTATION);
		assertReference("orders.items.count", "orders/items:count", FunctionKind.QUERY);
		assertReference("dir.mod.fn", "dir/mod:fn", FunctionKind.ACTION);
		assertReference("new_.default_", "new:default", FunctionKind.QUERY);
		assertReference("string.length", "string:length", FunctionKind.QUERY);
		ConvexFunction<?, ?> purge = (ConvexFunction<?, ?>) path(generated.loadClass("com.example.convex.InternalApi"),
				"orders.purge");
		assertThat(purge.path()).isEqualTo("orders:purge");
		assertThat(generated.loadClass("com.example.convex.Api").getField("orders").getType().getFields())
			.extracting(Field::getName)
			.as("internal functions are not on Api")
			.doesNotContain("purge");
	}

	@Test
	void resultTypesAreTheGeneratedRecordsAndTableDocuments() throws Exception {
		assertThat(reference("orders.list").resultType().getTypeName())
			.isEqualTo("java.util.List<com.example.convex.Tables$Orders>");
		assertThat(reference("orders.save").resultType().getTypeName())
			.isEqualTo("io.convexspring.codec.Id<com.example.convex.Tables$Orders>");
		assertThat(reference("orders.get").resultType().getTypeName()).isEqualTo("com.example.convex.Tables$Orders");
		assertThat(reference("orders.save").argumentType().getName()).isEqualTo("com.example.convex.Orders$SaveArgs");
		assertThat(reference("values.nothing").argumentType()).isEqualTo(Void.class);
		assertThat(reference("orders.items.count").resultType()).isEqualTo(Long.class);
	}

	@Test
	void everyValidatorsValueRoundTripsThroughTheCodec() throws Exception {
		String wire = ECHO_WIRE;
		assertRoundTrip(wire, "com.example.convex.Values$EchoArgs$Value");
		String withOptionals = wire.replace("\"nullable\":null", "\"nullable\":\"n\"")
			.replace("\"text\":\"t\"", "\"text\":\"t\",\"maybe\":\"m\",\"maybeCount\":{\"$integer\":\"BAAAAAAAAAA=\"},"
					+ "\"maybeData\":{\"$bytes\":\"AA==\"},\"optionalNullable\":0.25")
			.replace("{\"type\":\"circle\",\"radius\":2}", "{\"type\":\"square\",\"side\":3}")
			.replace("{\"phone\":\"123\"}", "{\"email\":\"e@x\"}");
		assertRoundTrip(withOptionals, "com.example.convex.Values$EchoArgs$Value");
	}

	@Test
	void tableDocumentsAndDocumentUnionsRoundTrip() throws Exception {
		assertRoundTrip("""
				{"_id":"o1","_creationTime":1700000000000.5,"chargeId":"ch_1","amountCents":1999,
				 "items":[{"sku":"A-1","quantity":{"$integer":"AgAAAAAAAAA="}}],"status":"refunded"}""",
				"com.example.convex.Tables$Orders");
		Object event = assertRoundTrip("""
				{"_id":"e1","_creationTime":2,"kind":"refunded","order":"o1","reason":"damaged"}""",
				"com.example.convex.Tables$Events");
		assertThat(event.getClass().getName()).isEqualTo("com.example.convex.Tables$Events$Refunded");
	}

	@Test
	void valuesEncodedFromTheGeneratedRecordsPassTheFunctionsValidatorsInTheOfficialCodec() throws Exception {
		JsonNode spec = PLAIN.readTree(Files.readString(Golden.FIXTURE.resolve("function-spec.json")));
		JsonNode save = args(spec, "orders.js:save");
		JsonNode list = args(spec, "orders.js:list");
		JsonNode echo = args(spec, "values.js:echo").path("value").path("value").path("fieldType");
		Class<?> item = generated.loadClass("com.example.convex.Tables$Orders$Item");
		Object items = List.of(item.getConstructors()[0].newInstance("A-1", 3L));
		Object saveArgs = generated.loadClass("com.example.convex.Orders$SaveArgs").getConstructors()[0]
			.newInstance("ch_1", 1999.0, items);
		// a limit declared whole (a type override): a long that v.optional(v.number()) takes
		Object listArgs = generated.loadClass("com.example.convex.Orders$ListArgs").getConstructors()[0]
			.newInstance(20L);
		Object echoValue = codec.fromWireJson(ECHO_WIRE, generated.loadClass("com.example.convex.Values$EchoArgs$Value"));
		List<String> wires = List.of(codec.toWireJson(saveArgs), codec.toWireJson(listArgs), codec.toWireJson(echoValue),
				// the control: a long without @Int64 goes out as a float64, which v.int64() refuses
				codec.toWireJson(Map.of("chargeId", "ch_1", "amountCents", 1999, "items",
						List.of(Map.of("sku", "A-1", "quantity", 3L)))));
		JsonNode results = OfficialCodec.check(List.of(save, list, echo, save), wires);
		assertThat(results.get(0).path("problem").isNull()).as("orders:save %s", results.get(0)).isTrue();
		assertThat(results.get(1).path("problem").isNull()).as("orders:list %s", results.get(1)).isTrue();
		assertThat(results.get(2).path("problem").isNull()).as("values:echo %s", results.get(2)).isTrue();
		assertThat(results.get(3).path("problem").asString()).isEqualTo("items[0].quantity is not an int64 (number)");
		for (int i = 0; i < 3; i++) {
			assertThat(sameValue(results.get(i).path("back"), PLAIN.readTree(wires.get(i))))
				.as("the official codec encodes %s back the same", wires.get(i))
				.isTrue();
		}
	}

	private static JsonNode args(JsonNode spec, String identifier) {
		for (JsonNode function : spec.path("functions")) {
			if (identifier.equals(function.path("identifier").asString(""))) {
				return function.path("args");
			}
		}
		throw new AssertionError("no " + identifier + " in the fixture spec");
	}

	@Test
	void aNumberDeclaredWholeReadsIntoALongAndGoesOutAsAFloat64() throws Exception {
		Class<?> result = generated.loadClass("com.example.convex.Emails$SendResult");
		Object receipt = codec.fromWireJson("{\"id\":\"e1\",\"status\":\"sent\",\"sentAt\":1796128550130}", result);
		assertThat(result.getMethod("sentAt").invoke(receipt)).isEqualTo(1796128550130L);
		assertThat(codec.toWireJson(receipt)).isEqualTo("{\"id\":\"e1\",\"status\":\"sent\",\"sentAt\":1796128550130}");
		assertThat(PLAIN.writeValueAsString(receipt)).as("what a web layer writes")
			.contains("\"sentAt\":1796128550130}");
	}

	@Test
	void aNumberDeclaredWholeRefusesAFractionComingInAndBeyondTwoToThe53GoingOut() throws Exception {
		Class<?> result = generated.loadClass("com.example.convex.Emails$SendResult");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> codec.fromWireJson("{\"id\":\"e1\",\"status\":\"sent\",\"sentAt\":1796128550130.5}",
					result))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("sentAt"))
			.satisfies((ex) -> assertThat(ex.reason()).contains("is not an integer, so it cannot be read as long"));
		Object sent = generated.loadClass("com.example.convex.Emails$SendResult$Status").getEnumConstants()[0];
		Object tooBig = result.getConstructors()[0].newInstance("e1", sent, (1L << 53) + 1);
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> codec.toWireJson(tooBig))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(ConvexValueException.Problem.UNENCODABLE))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("sentAt"));
	}

	@Test
	void enumsKnowTheirLiterals() throws Exception {
		Class<?> size = generated.loadClass("com.example.convex.Values$EchoArgs$Value$Size");
		Object proMonthly = size.getMethod("of", String.class).invoke(null, "pro-monthly");
		assertThat(proMonthly).hasToString("PRO_MONTHLY");
		assertThat(size.getMethod("value").invoke(proMonthly)).isEqualTo("pro-monthly");
		assertThat(size.getMethod("of", String.class).invoke(null, "PRO_MONTHLY")).isNull();
		assertThat(codec.toWireJson(proMonthly)).isEqualTo("\"pro-monthly\"");
	}

	@Test
	void theCompilerRejectsAReferenceUsedWithTheWrongTypes(@TempDir Path other) throws IOException {
		Path sources = other.resolve("src");
		Files.createDirectories(sources);
		Files.writeString(sources.resolve("Uses.java"), """
				import com.example.convex.Api;
				import com.example.convex.Emails;
				import io.convexspring.client.ConvexAction;
				class Uses {
					ConvexAction<Emails.SendArgs, Emails.SendResult> right = Api.emails.send;
					Emails.SendArgs args = new Emails.SendArgs("ada@example.com", "Hi", "Hello");
					ConvexAction<Emails.SendArgs, String> wrongResult = Api.emails.send;
					ConvexAction<String, Emails.SendResult> wrongArgs = Api.emails.send;
				}
				""");
		List<String> errors = compile(sources, other.resolve("classes"), work.resolve("classes")).stream()
			.map((error) -> error.getLineNumber() + ": " + error.getMessage(Locale.ROOT))
			.toList();
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0)).startsWith("7: ").contains("incompatible types");
		assertThat(errors.get(1)).startsWith("8: ").contains("incompatible types");
	}

	private static Object assertRoundTrip(String wire, String className) throws ClassNotFoundException {
		Class<?> type = generated.loadClass(className);
		Object value = codec.fromWireJson(wire, type);
		assertThat(value).isInstanceOf(type);
		String back = codec.toWireJson(value);
		assertThat(sameValue(PLAIN.readTree(back), PLAIN.readTree(wire))).as("%s%nwent back as%n%s", wire, back)
			.isTrue();
		return value;
	}

	/** Equal JSON, numbers compared by value ({@code 2} and {@code 2.0} are one float64). */
	private static boolean sameValue(JsonNode a, JsonNode b) {
		if (a.isNumber() && b.isNumber()) {
			return a.doubleValue() == b.doubleValue();
		}
		if (a.isObject() && b.isObject()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> field : a.properties()) {
				if (!b.has(field.getKey()) || !sameValue(field.getValue(), b.get(field.getKey()))) {
					return false;
				}
			}
			return true;
		}
		if (a.isArray() && b.isArray()) {
			if (a.size() != b.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!sameValue(a.get(i), b.get(i))) {
					return false;
				}
			}
			return true;
		}
		return a.equals(b);
	}

	private static void assertReference(String fields, String path, FunctionKind kind) throws Exception {
		ConvexFunction<?, ?> reference = reference(fields);
		assertThat(reference.path()).isEqualTo(path);
		assertThat(reference.kind()).isEqualTo(kind);
	}

	private static ConvexFunction<?, ?> reference(String fields) throws Exception {
		return (ConvexFunction<?, ?>) path(generated.loadClass("com.example.convex.Api"), fields);
	}

	private static Object path(Class<?> api, String fields) throws Exception {
		String[] names = fields.split("\\.");
		Object current = api.getField(names[0]).get(null);
		for (int i = 1; i < names.length; i++) {
			current = current.getClass().getField(names[i]).get(current);
		}
		return current;
	}

	private static List<Diagnostic<? extends JavaFileObject>> compile(Path sources, Path classes, Path... classPath)
			throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		Files.createDirectories(classes);
		List<Path> files = new ArrayList<>();
		try (var walk = Files.walk(sources)) {
			walk.filter((path) -> path.toString().endsWith(".java")).forEach(files::add);
		}
		StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
		for (Path extra : classPath) {
			path.append(java.io.File.pathSeparator).append(extra);
		}
		try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			boolean ok = compiler
				.getTask(null, manager, diagnostics, List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
						"-classpath", path.toString(), "-d", classes.toString()), null,
						manager.getJavaFileObjectsFromPaths(files))
				.call();
			List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics()
				.stream()
				.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR
						|| diagnostic.getKind() == Diagnostic.Kind.WARNING
						|| diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
				.toList();
			assertThat(ok || !errors.isEmpty()).isTrue();
			return errors;
		}
	}

}
