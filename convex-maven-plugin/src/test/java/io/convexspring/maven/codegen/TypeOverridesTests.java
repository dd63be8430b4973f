package io.convexspring.maven.codegen;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.convexspring.maven.Golden;
import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.SpecException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TypeOverrides} on the fixture project: which numbers a path makes
 * {@code long}, that a shape stays one record wherever it is used, and the build errors for a
 * path that names nothing, or no {@code v.number()}.
 */
class TypeOverridesTests {

	private static final ConvexSpec FIXTURE = ConvexSpec.read(Golden.FIXTURE.resolve("function-spec.json"),
			Golden.FIXTURE.resolve("schema.json"));

	private static Map<String, String> generate(String... paths) {
		List<TypeOverrides.Entry> overrides = java.util.Arrays.stream(paths)
			.map((path) -> new TypeOverrides.Entry(path, "long"))
			.toList();
		return new ApiGenerator("p", true).generate(TypeOverrides.apply(FIXTURE, overrides)).files();
	}

	@Test
	void noOverridesGiveTheSameSources() {
		assertThat(generate()).isEqualTo(new ApiGenerator("p", true).generate(FIXTURE).files());
	}

	@Test
	void aTableFieldIsLongInTheDocumentThatTheQueriesStillReturn() {
		Map<String, String> files = generate("orders.amountCents");
		assertThat(files.get("p/Tables.java")).contains("@JsonProperty(\"amountCents\") long amountCents,")
			.contains("@JsonProperty(\"_creationTime\") double creationTime,");
		assertThat(files.get("p/Orders.java"))
			.contains("ConvexQuery<Orders.ListArgs, List<Tables.Orders>> list")
			.contains("ConvexQuery<Orders.GetArgs, Tables.Orders> get")
			// orders:save's arguments are another shape, with a number of their own
			.contains("@JsonProperty(\"amountCents\") double amountCents,");
	}

	@Test
	void aFunctionsFieldOfATableDocumentShapeIsTheTablesFieldToo() {
		Map<String, String> files = generate("orders:get.returns.amountCents");
		assertThat(files.get("p/Tables.java")).contains("@JsonProperty(\"amountCents\") long amountCents,");
		assertThat(files.get("p/Orders.java")).contains("ConvexQuery<Orders.GetArgs, Tables.Orders> get")
			.contains("ConvexQuery<Orders.ListArgs, List<Tables.Orders>> list")
			.doesNotContain("record GetResult");
	}

	@Test
	void aSharedShapeIsOneRecordWhereverItIsUsed() {
		String values = generate("values:echo.args.value.point.x").get("p/Values.java");
		assertThat(values).contains("@JsonProperty(\"x\") long x,").contains("@JsonProperty(\"y\") double y)");
		assertThat(values.split("record Point\\(", -1)).hasSize(2);
		assertThat(values).contains("ConvexQuery<Values.EchoArgs, Values.EchoArgs.Value> echo");
	}

	@Test
	void optionalNullableListAndMapNumbersAreBoxed() {
		Map<String, String> files = generate("orders:list.args.limit", "values:echo.args.value.optionalNullable",
				"values:echo.args.value.scores", "orders:purge.returns");
		assertThat(files.get("p/Orders.java")).contains("@JsonProperty(\"limit\") @Nullable Long limit)");
		assertThat(files.get("p/Values.java"))
			.contains("@JsonProperty(\"optionalNullable\") @Nullable Long optionalNullable,")
			.contains("@JsonProperty(\"scores\") Map<String, Long> scores,");
		assertThat(files.get("p/InternalOrders.java")).contains("ConvexMutation<Void, Long> purge")
			.contains("Void.class, Long.class);");
	}

	@Test
	void aNumberInsideAUnionOfObjectsIsFoundThroughTheUnion() {
		assertThat(generate("values:echo.returns.shape.radius").get("p/Values.java"))
			.contains("@JsonProperty(\"radius\") long radius)")
			.contains("@JsonProperty(\"side\") double side)");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			emails:sendd.returns.sentAt    | the spec has no function emails:sendd
			emails:send.returns.sent       | emails:send's returns has no field 'sent' (fields: id, sentAt, status)
			emails:send.returns.id         | it is v.string(), not a v.number()
			emails:send                    | a function's path goes on with .args.<field> or .returns[.<field>]
			emails:send.args               | a function's path goes on with .args.<field> or .returns[.<field>]
			emails:send.result.sentAt      | a function's path goes on with .args.<field> or .returns[.<field>]
			values:echo.args.value.point.z | values:echo's args.value.point has no field 'z' (fields: x, y)
			values:untyped.returns         | values:untyped has no returns validator
			order.amountCents              | the schema has no table order
			orders                         | name a field of the table: orders.<field>
			orders._creationTime           | _creationTime has fractions of a millisecond, so it stays a double
			orders:list.returns._creationTime | _creationTime has fractions of a millisecond
			orders.items.quantity          | it is v.int64(), not a v.number()
			""")
	void aPathThatNamesNoNumberFailsTheBuild(String path, String reason) {
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> generate(path))
			.withMessageStartingWith("typeOverride '" + path + "': ")
			.withMessageContaining(reason);
	}

	@Test
	void onlyLongIsAJavaType() {
		assertThatExceptionOfType(SpecException.class)
			.isThrownBy(() -> TypeOverrides.apply(FIXTURE, List.of(new TypeOverrides.Entry("emails:send.returns.sentAt", "int"))))
			.withMessage("typeOverride 'emails:send.returns.sentAt': javaType 'int' is not supported: a v.number() can be "
					+ "generated as long");
	}

}
