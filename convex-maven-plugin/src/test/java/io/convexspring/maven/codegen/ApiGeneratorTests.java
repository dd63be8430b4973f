package io.convexspring.maven.codegen;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.SpecException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ApiGenerator} beyond the golden files: internal functions only on request,
 * the live sorted spec, and layouts that cannot be generated.
 */
class ApiGeneratorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConvexSpec spec(String functions) {
		return ConvexSpec.of(JSON.readTree("{\"functions\":[" + functions + "]}"), null);
	}

	private static String function(String identifier, String visibility) {
		return "{\"args\":{\"type\":\"object\",\"value\":{}},\"functionType\":\"Query\",\"identifier\":\"" + identifier
				+ "\",\"returns\":{\"type\":\"string\"},\"visibility\":{\"kind\":\"" + visibility + "\"}}";
	}

	@Test
	void internalFunctionsAreLeftOutUnlessRequested() {
		ConvexSpec spec = spec(function("a.js:pub", "public") + "," + function("a.js:secret", "internal"));
		GeneratedSources without = new ApiGenerator("p", false).generate(spec);
		assertThat(without.files()).containsOnlyKeys("p/Api.java", "p/A.java", "p/Tables.java");
		assertThat(without.files().get("p/A.java")).contains(" pub = ").doesNotContain("secret");
		GeneratedSources with = new ApiGenerator("p", true).generate(spec);
		assertThat(with.files()).containsKeys("p/InternalApi.java", "p/InternalA.java");
		assertThat(with.files().get("p/InternalA.java")).contains(" secret = ConvexQuery.of(\"a:secret\"");
	}

	@Test
	void functionNamedLikeASubfolderIsReported() {
		ConvexSpec spec = spec(function("orders.js:items", "public") + "," + function("orders/items.js:count", "public"));
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new ApiGenerator("p", false).generate(spec))
			.withMessageContaining("orders:items")
			.withMessageContaining("rename one of them");
	}

	@Test
	void liveSpecWithSortedFieldsAndNoReturnsValidatorGenerates() {
		String live = "{\"args\":{\"type\":\"object\",\"value\":{\"b\":{\"fieldType\":{\"type\":\"bigint\"},"
				+ "\"optional\":false},\"a\":{\"fieldType\":{\"type\":\"string\"},\"optional\":true}}},"
				+ "\"functionType\":\"Mutation\",\"identifier\":\"m.js:default\",\"returns\":null,"
				+ "\"visibility\":{\"kind\":\"public\"}}";
		String source = new ApiGenerator("p", false).generate(spec(live)).files().get("p/M.java");
		assertThat(source).contains("public final ConvexMutation<M.DefaultArgs, JsonNode> default_ = ConvexMutation"
				+ ".of(\"m:default\",")
			.contains("@JsonProperty(\"b\") @Int64 long b,")
			.contains("@JsonProperty(\"a\") @Nullable String a)")
			.contains("declares no {@code returns} validator");
	}

}
