package io.convexspring.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.convexspring.codec.ConvexCodecTests.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks {@link ConvexCodec} against the official Convex codec ({@code convexToJson} and
 * {@code jsonToConvex} of the pinned {@code convex} npm package), run by {@code node
 * src/test/node/interop.mjs}: what we encode, the official decoder reads as the value we meant,
 * and what the official encoder sends, we decode into the Java value it stands for.
 *
 * <p>The build installs the package ({@code npm ci} in {@code generate-test-resources}); without
 * Node.js or the package these tests fail, they are not skipped.
 */
class ConvexNodeInteropTests {

	private static final long TWO_TO_53 = 1L << 53;

	private static final long TIMEOUT_SECONDS = 60;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final ConvexCodec codec = ConvexCodec.create();

	/** Java values we encode, each with the Convex value it must mean to the official decoder. */
	private static final List<JavaToOfficial> JAVA_TO_OFFICIAL = javaToOfficial();

	/** Typed values the official encoder encodes, each with the Java value it must decode into. */
	private static final List<OfficialToJava> OFFICIAL_TO_JAVA = officialToJava();

	private static final List<String> ourWire = new ArrayList<>();

	private static JsonNode decoded = NODES.missingNode();

	private static JsonNode encoded = NODES.missingNode();

	@BeforeAll
	static void runTheOfficialCodec() {
		StringBuilder request = new StringBuilder("{\"decode\":[");
		for (JavaToOfficial value : JAVA_TO_OFFICIAL) {
			String wire = codec.toWireJson(value.java());
			ourWire.add(wire);
			request.append((ourWire.size() > 1) ? "," : "").append(wire);
		}
		request.append("],\"encode\":[");
		for (int i = 0; i < OFFICIAL_TO_JAVA.size(); i++) {
			request.append((i > 0) ? "," : "").append(OFFICIAL_TO_JAVA.get(i).typed());
		}
		JsonNode response = Interop.run(request.append("]}").toString());
		decoded = response.get("decoded");
		encoded = response.get("encoded");
		assertThat(decoded.size()).isEqualTo(JAVA_TO_OFFICIAL.size());
		assertThat(encoded.size()).isEqualTo(OFFICIAL_TO_JAVA.size());
	}

	static Stream<Arguments> javaValues() {
		return IntStream.range(0, JAVA_TO_OFFICIAL.size())
			.mapToObj((i) -> Arguments.of(JAVA_TO_OFFICIAL.get(i).name(), i));
	}

	static Stream<Arguments> officialValues() {
		return IntStream.range(0, OFFICIAL_TO_JAVA.size())
			.mapToObj((i) -> Arguments.of(OFFICIAL_TO_JAVA.get(i).name(), i));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("javaValues")
	void officialDecoderReadsOurWireAsTheMeantValue(String name, int index) {
		String wire = ourWire.get(index);
		JsonNode result = decoded.get(index);
		assertThat(result.get("ok").booleanValue()).as("the official decoder refused %s: %s", wire, result.get("error"))
			.isTrue();
		assertSameTyped(result.get("typed"), JAVA_TO_OFFICIAL.get(index).typed(), "");
		assertThat(WireJson.sameValue(result.get("reencoded"), WireJson.parse(wire)))
			.as("official re-encoding %s of our %s", result.get("reencoded"), wire)
			.isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("officialValues")
	void ourDecoderReadsTheOfficialWireAsTheJavaValue(String name, int index) {
		OfficialToJava value = OFFICIAL_TO_JAVA.get(index);
		String wire = officialWire(index);
		Object java = codec.fromWireJson(wire, value.target());
		if (value.expected() == null) {
			assertThat(java).as("%s decoded from %s", value.target().getTypeName(), wire).isNull();
		}
		else if (value.expected() instanceof JsonNode tree) {
			assertSameTree((JsonNode) java, tree, "");
		}
		else {
			assertThat(java).as("%s decoded from %s", value.target().getTypeName(), wire)
				.usingRecursiveComparison(exactly())
				.isEqualTo(value.expected());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("officialValues")
	void ourDecoderReadsTheOfficialWireIntoUntypedTargets(String name, int index) {
		JsonNode typed = OFFICIAL_TO_JAVA.get(index).typed();
		String wire = officialWire(index);
		assertThat((Object) codec.fromWireJson(wire, Object.class)).as("Object decoded from %s", wire)
			.usingRecursiveComparison(exactly())
			.isEqualTo(untyped(typed));
		assertSameTree(codec.fromWireJson(wire, JsonNode.class), tree(typed), "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("officialValues")
	void decodedTreeEncodesBackToTheOfficialWire(String name, int index) {
		String wire = officialWire(index);
		String ours = codec.toWireJson(codec.treeFromWireJson(wire));
		assertThat(WireJson.sameValue(WireJson.parse(ours), WireJson.parse(wire))).as("%s re-encoded as %s", wire, ours)
			.isTrue();
	}

	private static String officialWire(int index) {
		JsonNode result = encoded.get(index);
		assertThat(result.get("ok").booleanValue())
			.as("the official encoder refused %s: %s", OFFICIAL_TO_JAVA.get(index).typed(), result.get("error"))
			.isTrue();
		return result.get("wire").toString();
	}

	// ---- Java -> official

	private static List<JavaToOfficial> javaToOfficial() {
		List<JavaToOfficial> values = new ArrayList<>();
		values.add(new JavaToOfficial("int as float64", 42, f64("42")));
		values.add(new JavaToOfficial("Date.now() long as float64", 1_732_646_400_123L, f64("1732646400123")));
		values.add(new JavaToOfficial("long 2^53 as float64", TWO_TO_53, f64("9007199254740992")));
		values.add(new JavaToOfficial("negative fraction", -273.15, f64("-273.15")));
		values.add(new JavaToOfficial("0.1", 0.1, f64("0.1")));
		values.add(new JavaToOfficial("largest double", Double.MAX_VALUE, f64("1.7976931348623157e+308")));
		values.add(new JavaToOfficial("smallest double", Double.MIN_VALUE, f64("5e-324")));
		values.add(new JavaToOfficial("BigDecimal 19.99", new BigDecimal("19.99"), f64("19.99")));
		values.add(new JavaToOfficial("NaN", Double.NaN, f64("NaN")));
		values.add(new JavaToOfficial("+Infinity", Double.POSITIVE_INFINITY, f64("Infinity")));
		values.add(new JavaToOfficial("-Infinity", Double.NEGATIVE_INFINITY, f64("-Infinity")));
		values.add(new JavaToOfficial("-0", -0.0, f64("-0")));
		values.add(new JavaToOfficial("float NaN", Float.NaN, f64("NaN")));
		values.add(new JavaToOfficial("int64 min", ConvexInt64.of(Long.MIN_VALUE), i64(Long.MIN_VALUE)));
		values.add(new JavaToOfficial("int64 max", ConvexInt64.of(Long.MAX_VALUE), i64(Long.MAX_VALUE)));
		values.add(new JavaToOfficial("int64 2^53+1", ConvexInt64.of(TWO_TO_53 + 1), i64(TWO_TO_53 + 1)));
		values.add(new JavaToOfficial("int64 -1", ConvexInt64.of(-1), i64(-1)));
		values.add(new JavaToOfficial("int64 0", ConvexInt64.of(0), i64(0)));
		values.add(new JavaToOfficial("bytes empty", new byte[0], bytes("")));
		values.add(new JavaToOfficial("bytes binary", new byte[] { 0, -1, 16, -128, 127 }, bytes("00ff10807f")));
		values.add(new JavaToOfficial("bytes 256", allBytes(), bytes(HexFormat.of().formatHex(allBytes()))));
		values.add(new JavaToOfficial("string empty", "", str("")));
		values.add(new JavaToOfficial("string unicode", "héllo wörld – ünïcödé ✓", str("héllo wörld – ünïcödé ✓")));
		values.add(new JavaToOfficial("string astral", "📧🚀", str("📧🚀")));
		values.add(new JavaToOfficial("string escapes", "a\"b\\c\n\t\u0001\u2028", str("a\"b\\c\n\t\u0001\u2028")));
		values.add(new JavaToOfficial("string like a special object", "$integer", str("$integer")));
		values.add(new JavaToOfficial("null", null, nul()));
		values.add(new JavaToOfficial("boolean", true, bool(true)));
		values.add(new JavaToOfficial("enum", Kind.ADMIN, str("ADMIN")));
		values.add(new JavaToOfficial("list with null", Arrays.asList(null, 1, "x"), arr(nul(), f64("1"), str("x"))));
		values.add(new JavaToOfficial("long[] and double[]",
				new Arrays64(new long[] { 1, -TWO_TO_53 }, new double[] { 1.5, Double.NaN, -0.0 }),
				obj("longs", arr(f64("1"), f64("-9007199254740992")), "doubles",
						arr(f64("1.5"), f64("NaN"), f64("-0")))));
		values.add(new JavaToOfficial("map with a null value", mapOf("a", null, "b", 2.5),
				obj("a", nul(), "b", f64("2.5"))));
		values.add(new JavaToOfficial("empty values", new Empties(List.of(), Map.of(), "", new byte[0], new Nothing()),
				obj("list", arr(), "map", obj(), "text", str(""), "raw", bytes(""), "nothing", obj())));
		values.add(new JavaToOfficial("record with every kind", everything(), everythingTyped()));
		values.add(new JavaToOfficial("JsonNode with an Int64Node", jsonNodeArgs(),
				obj("id", i64(TWO_TO_53 + 1), "n", f64("5"), "x", f64("NaN"), "raw", bytes("0102"), "list",
						arr(i64(-1), str("s"), nul()))));
		return values;
	}

	private static Everything everything() {
		return new Everything(0.25, 1_732_646_400_123L, TWO_TO_53 + 1, new byte[] { 1, 2, 3 }, "ünï ✓",
				Arrays.asList(1, "two", true, null, ConvexInt64.of(3)), mapOf("nested", new Point(1.5, -0.0)),
				Optional.empty(), null, new Point(Double.POSITIVE_INFINITY, 2), List.of(Long.MIN_VALUE, 0L),
				OptionalLong.of(7), false);
	}

	private static JsonNode everythingTyped() {
		return obj("score", f64("0.25"), "createdAt", f64("1732646400123"), "id", i64(TWO_TO_53 + 1), "raw",
				bytes("010203"), "label", str("ünï ✓"), "mixed",
				arr(f64("1"), str("two"), bool(true), nul(), i64(3)), "meta",
				obj("nested", obj("x", f64("1.5"), "y", f64("-0"))), "point",
				obj("x", f64("Infinity"), "y", f64("2")), "ids", arr(i64(Long.MIN_VALUE), i64(0)), "visits",
				f64("7"), "flag", bool(false));
	}

	private static JsonNode jsonNodeArgs() {
		ObjectNode args = NODES.objectNode();
		args.set("id", new Int64Node(TWO_TO_53 + 1));
		args.put("n", 5L);
		args.put("x", Double.NaN);
		args.put("raw", new byte[] { 1, 2 });
		args.putArray("list").add(new Int64Node(-1)).add("s").addNull();
		return args;
	}

	// ---- official -> Java

	private static List<OfficialToJava> officialToJava() {
		List<OfficialToJava> values = new ArrayList<>();
		values.add(new OfficialToJava("record with long, double, byte[] and String",
				obj("count", i64(TWO_TO_53 + 1), "score", f64("-0"), "raw", bytes("00ff"), "name", str("héllo 📧")),
				Sample.class, new Sample(TWO_TO_53 + 1, -0.0, new byte[] { 0, -1 }, "héllo 📧")));
		values.add(new OfficialToJava("int64 max into long", i64(Long.MAX_VALUE), long.class, Long.MAX_VALUE));
		values.add(new OfficialToJava("int64 min into Long", i64(Long.MIN_VALUE), Long.class, Long.MIN_VALUE));
		values.add(new OfficialToJava("int64 2^53+1 into BigInteger", i64(TWO_TO_53 + 1), BigInteger.class,
				BigInteger.valueOf(TWO_TO_53 + 1)));
		values.add(new OfficialToJava("int64 into int in range", i64(-42), int.class, -42));
		values.add(new OfficialToJava("int64 into ConvexInt64", i64(1_234_567_890_123L), ConvexInt64.class,
				ConvexInt64.of(1_234_567_890_123L)));
		values.add(new OfficialToJava("float64 timestamp into long", f64("1732646400123"), long.class,
				1_732_646_400_123L));
		values.add(new OfficialToJava("float64 2^53 into long", f64("9007199254740992"), long.class, TWO_TO_53));
		values.add(new OfficialToJava("float64 1e308 into double", f64("1e308"), double.class, 1e308));
		values.add(new OfficialToJava("float64 5e-324 into double", f64("5e-324"), double.class, Double.MIN_VALUE));
		values.add(new OfficialToJava("float64 0.1 into Double", f64("0.1"), Double.class, 0.1));
		values.add(new OfficialToJava("NaN into double", f64("NaN"), double.class, Double.NaN));
		values.add(new OfficialToJava("Infinity into Double", f64("Infinity"), Double.class, Double.POSITIVE_INFINITY));
		values.add(new OfficialToJava("-Infinity into double", f64("-Infinity"), double.class,
				Double.NEGATIVE_INFINITY));
		values.add(new OfficialToJava("-0 into double", f64("-0"), double.class, -0.0));
		values.add(new OfficialToJava("bytes empty into byte[]", bytes(""), byte[].class, new byte[0]));
		values.add(new OfficialToJava("bytes 256 into byte[]", bytes(HexFormat.of().formatHex(allBytes())), byte[].class,
				allBytes()));
		values.add(new OfficialToJava("unicode string", str("héllo wörld – ünïcödé ✓"), String.class,
				"héllo wörld – ünïcödé ✓"));
		values.add(new OfficialToJava("astral string with escapes", str("📧🚀 \"\\\n\u0001"), String.class,
				"📧🚀 \"\\\n\u0001"));
		values.add(new OfficialToJava("string like a special object", str("$bytes"), String.class, "$bytes"));
		values.add(new OfficialToJava("boolean", bool(false), Boolean.class, false));
		values.add(new OfficialToJava("null into Long", nul(), Long.class, null));
		values.add(new OfficialToJava("nested object into records",
				obj("order", obj("items", arr(obj("sku", str("A-1"), "qty", i64(2), "price", f64("19.99"))), "meta",
						obj("raw", bytes("010203"), "tags", arr(str("a"), str("b"))), "paid", bool(false))),
				Args.class, new Args(new Order(List.of(new Item("A-1", 2, 19.99)),
						new Meta(new byte[] { 1, 2, 3 }, List.of("a", "b")), false))));
		values.add(new OfficialToJava("float64 array into double[]", arr(f64("1.5"), f64("NaN"), f64("-0"), f64("-1e-7")),
				double[].class, new double[] { 1.5, Double.NaN, -0.0, -1e-7 }));
		values.add(new OfficialToJava("int64 array into long[]", arr(i64(Long.MIN_VALUE), i64(0), i64(Long.MAX_VALUE)),
				long[].class, new long[] { Long.MIN_VALUE, 0, Long.MAX_VALUE }));
		values.add(new OfficialToJava("int64 and exact float64 into List<Long>", arr(i64(TWO_TO_53 + 1), f64("3")),
				new TypeReference<List<Long>>() {
				}.getType(), List.of(TWO_TO_53 + 1, 3L)));
		values.add(new OfficialToJava("object into Map<String, Object>",
				obj("i", i64(5), "f", f64("5"), "b", bytes("ff"), "s", str("s"), "n", nul(), "a", arr(i64(1), f64("2"))),
				new TypeReference<Map<String, Object>>() {
				}.getType(), mapOf("i", 5L, "f", 5.0, "b", new byte[] { -1 }, "s", "s", "n", null, "a", List.of(1L, 2.0))));
		values.add(new OfficialToJava("mixed array into Object",
				arr(f64("1"), str("two"), bool(true), nul(), i64(3), bytes("01"), obj(), arr()), Object.class,
				Arrays.asList(1.0, "two", true, null, 3L, new byte[] { 1 }, Map.of(), List.of())));
		values.add(new OfficialToJava("object into JsonNode",
				obj("id", i64(TWO_TO_53 + 1), "x", f64("1e+21"), "nan", f64("NaN"), "raw", bytes("0001"), "list",
						arr(i64(-1), str("s"), nul(), bool(true))),
				JsonNode.class,
				tree(obj("id", i64(TWO_TO_53 + 1), "x", f64("1e21"), "nan", f64("NaN"), "raw", bytes("0001"), "list",
						arr(i64(-1), str("s"), nul(), bool(true))))));
		values.add(new OfficialToJava("empty object into record with absent fields", obj(), Sparse.class,
				new Sparse(Optional.empty(), null, OptionalLong.empty())));
		values.add(new OfficialToJava("object into record with present optionals",
				obj("note", str("hi"), "count", i64(3), "visits", i64(TWO_TO_53 + 1)), Sparse.class,
				new Sparse(Optional.of("hi"), 3L, OptionalLong.of(TWO_TO_53 + 1))));
		values.add(new OfficialToJava("object with a JsonNode field", obj("data", obj("id", i64(7), "f", f64("7"))),
				Envelope.class, new Envelope(tree(obj("id", i64(7), "f", f64("7"))))));
		return values;
	}

	// ---- typed descriptions (the interop.mjs format)

	private static JsonNode f64(String value) {
		return NODES.objectNode().put("type", "float64").put("value", value);
	}

	private static JsonNode i64(long value) {
		return NODES.objectNode().put("type", "int64").put("value", Long.toString(value));
	}

	private static JsonNode str(String value) {
		return NODES.objectNode().put("type", "string").put("value", value);
	}

	private static JsonNode bool(boolean value) {
		return NODES.objectNode().put("type", "boolean").put("value", value);
	}

	private static JsonNode nul() {
		return NODES.objectNode().put("type", "null");
	}

	private static JsonNode bytes(String hex) {
		return NODES.objectNode().put("type", "bytes").put("hex", hex);
	}

	private static JsonNode arr(JsonNode... items) {
		ObjectNode typed = NODES.objectNode().put("type", "array");
		typed.putArray("items").addAll(List.of(items));
		return typed;
	}

	private static JsonNode obj(Object... namesAndValues) {
		ObjectNode typed = NODES.objectNode().put("type", "object");
		ObjectNode fields = typed.putObject("fields");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.set((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
		}
		return typed;
	}

	/**
	 * Asserts that the official decoder's description is the expected one: same types, object
	 * fields in any order, float64 by numeric value ({@code "1e+308"} is {@code 1e308}) with
	 * -0 unequal to 0.
	 */
	private static void assertSameTyped(JsonNode actual, JsonNode expected, String path) {
		String type = expected.get("type").stringValue();
		assertThat(actual.get("type").stringValue()).as("type at '%s' of %s", path, actual).isEqualTo(type);
		switch (type) {
			case "float64" -> assertThat(Double.compare(parseFloat64(actual.get("value").stringValue()),
					parseFloat64(expected.get("value").stringValue())))
				.as("float64 at '%s': %s, expected %s", path, actual.get("value"), expected.get("value"))
				.isZero();
			case "array" -> {
				assertThat(actual.get("items").size()).as("items at '%s' of %s", path, actual)
					.isEqualTo(expected.get("items").size());
				for (int i = 0; i < expected.get("items").size(); i++) {
					assertSameTyped(actual.get("items").get(i), expected.get("items").get(i), path + "[" + i + "]");
				}
			}
			case "object" -> {
				assertThat(actual.get("fields").propertyNames()).as("fields at '%s'", path)
					.containsExactlyInAnyOrderElementsOf(expected.get("fields").propertyNames());
				for (String field : expected.get("fields").propertyNames()) {
					assertSameTyped(actual.get("fields").get(field), expected.get("fields").get(field),
							path.isEmpty() ? field : path + "." + field);
				}
			}
			default -> assertThat(actual).as("value at '%s'", path).isEqualTo(expected);
		}
	}

	private static double parseFloat64(String value) {
		// Java reads "NaN", "Infinity", "-Infinity", "-0" and "1e+308" as JavaScript writes them
		return Double.parseDouble(value);
	}

	/** The untyped Java value a typed description stands for: Long, Double, byte[], List, Map. */
	private static @Nullable Object untyped(JsonNode typed) {
		return switch (typed.get("type").stringValue()) {
			case "null" -> null;
			case "boolean" -> typed.get("value").booleanValue();
			case "float64" -> parseFloat64(typed.get("value").stringValue());
			case "int64" -> Long.parseLong(typed.get("value").stringValue());
			case "string" -> typed.get("value").stringValue();
			case "bytes" -> HexFormat.of().parseHex(typed.get("hex").stringValue());
			case "array" -> {
				List<@Nullable Object> list = new ArrayList<>();
				typed.get("items").forEach((item) -> list.add(untyped(item)));
				yield list;
			}
			case "object" -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				typed.get("fields").properties().forEach((field) -> map.put(field.getKey(), untyped(field.getValue())));
				yield map;
			}
			default -> throw new IllegalArgumentException(typed.toString());
		};
	}

	/** The decoded tree a typed description stands for: Int64Node, DoubleNode, BinaryNode. */
	private static JsonNode tree(JsonNode typed) {
		return switch (typed.get("type").stringValue()) {
			case "null" -> NODES.nullNode();
			case "boolean" -> NODES.booleanNode(typed.get("value").booleanValue());
			case "float64" -> NODES.numberNode(parseFloat64(typed.get("value").stringValue()));
			case "int64" -> new Int64Node(Long.parseLong(typed.get("value").stringValue()));
			case "string" -> NODES.stringNode(typed.get("value").stringValue());
			case "bytes" -> NODES.binaryNode(HexFormat.of().parseHex(typed.get("hex").stringValue()));
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				typed.get("items").forEach((item) -> array.add(tree(item)));
				yield array;
			}
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				typed.get("fields").properties().forEach((field) -> object.set(field.getKey(), tree(field.getValue())));
				yield object;
			}
			default -> throw new IllegalArgumentException(typed.toString());
		};
	}

	/** Asserts equal trees with equal node classes: an int64 must be an Int64Node. */
	private static void assertSameTree(JsonNode actual, JsonNode expected, String path) {
		assertThat(actual.getClass()).as("node class at '%s' of %s", path, actual).isEqualTo(expected.getClass());
		if (expected.isObject()) {
			assertThat(actual.propertyNames()).as("fields at '%s'", path)
				.containsExactlyInAnyOrderElementsOf(expected.propertyNames());
			for (String field : expected.propertyNames()) {
				assertSameTree(actual.get(field), expected.get(field), path.isEmpty() ? field : path + "." + field);
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as("size at '%s'", path).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSameTree(actual.get(i), expected.get(i), path + "[" + i + "]");
			}
		}
		else if (expected.isDouble()) {
			assertThat(Double.compare(actual.doubleValue(), expected.doubleValue())).as("double at '%s'", path).isZero();
		}
		else {
			assertThat(actual).as("node at '%s'", path).isEqualTo(expected);
		}
	}

	private static byte[] allBytes() {
		byte[] bytes = new byte[256];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

	private static Map<String, @Nullable Object> mapOf(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	/**
	 * Runs {@code node interop.mjs} in the module's {@code src/test/node}: one JSON request on
	 * stdin, one JSON response on stdout.
	 */
	private static final class Interop {

		static JsonNode run(String request) {
			Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/node");
			if (!Files.isRegularFile(dir.resolve("interop.mjs"))) {
				fail("No interop.mjs in " + dir + ": run the tests from the convex-spring-boot-autoconfigure module");
			}
			if (!Files.isRegularFile(dir.resolve("node_modules/convex/package.json"))) {
				fail("The official convex npm package is not installed in " + dir
						+ ": run `npm ci` there (the Maven build does it in generate-test-resources)");
			}
			Process process;
			try {
				process = new ProcessBuilder("node", "interop.mjs").directory(dir.toFile()).start();
			}
			catch (IOException ex) {
				throw new AssertionError("Node.js is needed to run the official Convex codec, but `node` could not "
						+ "be started (is it on the PATH?): " + ex.getMessage(), ex);
			}
			try {
				CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
				CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
				try (OutputStream stdin = process.getOutputStream()) {
					stdin.write(request.getBytes(StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					// node ended early: its exit status and stderr tell why
				}
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					fail("node interop.mjs did not answer within " + TIMEOUT_SECONDS + " s");
				}
				if (process.exitValue() != 0) {
					fail("node interop.mjs exited with status " + process.exitValue() + ": "
							+ stderr.get(10, TimeUnit.SECONDS));
				}
				return WireJson.parse(stdout.get(10, TimeUnit.SECONDS));
			}
			catch (Exception ex) {
				throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
			}
			finally {
				process.destroyForcibly();
			}
		}

		private static String readAll(InputStream in) {
			try (in) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	// ---- the values

	record JavaToOfficial(String name, @Nullable Object java, JsonNode typed) {
	}

	record OfficialToJava(String name, JsonNode typed, Type target, @Nullable Object expected) {
	}

	enum Kind {

		ADMIN

	}

	record Point(double x, double y) {
	}

	record Arrays64(long[] longs, double[] doubles) {
	}

	record Nothing() {
	}

	record Empties(List<String> list, Map<String, String> map, String text, byte[] raw, Nothing nothing) {
	}

	record Everything(double score, long createdAt, @Int64 long id, byte[] raw, String label,
			List<@Nullable Object> mixed, Map<String, @Nullable Object> meta, Optional<String> note,
			@Nullable String absent, Point point, @Int64 List<Long> ids, OptionalLong visits, boolean flag) {
	}

	record Sample(long count, double score, byte[] raw, String name) {
	}

	record Item(String sku, @Int64 long qty, double price) {
	}

	record Meta(byte[] raw, List<String> tags) {
	}

	record Order(List<Item> items, Meta meta, boolean paid) {
	}

	record Args(Order order) {
	}

	record Sparse(Optional<String> note, @Nullable Long count, OptionalLong visits) {
	}

	record Envelope(JsonNode data) {
	}

}
