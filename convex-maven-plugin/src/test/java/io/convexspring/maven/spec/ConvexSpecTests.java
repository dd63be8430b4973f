package io.convexspring.maven.spec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.maven.spec.Validator.Field;
import io.convexspring.maven.spec.Validator.Literal;
import io.convexspring.maven.spec.Validator.ObjectType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConvexSpec}: it reads the live format (sorted keys, {@code returns: null},
 * the older {@code {"type":"any"}}, HTTP actions, the {@code url}) as well as the offline one.
 */
class ConvexSpecTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** As a deployment answers: keys sorted, object fields alphabetical. */
	private static final String LIVE = """
			{"url":"https://happy-otter-123.convex.cloud","functions":[
			 {"args":{"type":"object","value":{"body":{"fieldType":{"type":"string"},"optional":false},
			   "to":{"fieldType":{"type":"string"},"optional":false}}},
			  "functionType":"Action","identifier":"emails.js:send","returns":null,"visibility":{"kind":"public"}},
			 {"args":{"type":"any"},"functionType":"Query","identifier":"dir/mod.js:default",
			  "returns":{"type":"any"},"visibility":{"kind":"internal"}},
			 {"functionType":"HttpAction","method":"POST","path":"/hook"},
			 {"args":{"type":"object","value":{}},"functionType":"Mutation","identifier":"a.js:b",
			  "returns":{"type":"literal","value":{"$integer":"BQAAAAAAAAA="}}}
			]}""";

	@Test
	void liveSortedFormatWithNullReturnsIsRead() {
		ConvexSpec spec = ConvexSpec.of(JSON.readTree(LIVE), null);
		assertThat(spec.functions()).extracting(FunctionSpec::callPath)
			.containsExactly("a:b", "dir/mod:default", "emails:send");
		FunctionSpec send = spec.functions().get(2);
		assertThat(send.kind()).isEqualTo("Action");
		assertThat(send.returns()).isNull();
		assertThat(send.internal()).isFalse();
		assertThat(((ObjectType) send.args()).fields()).containsOnlyKeys("body", "to");
		assertThat(spec.functions().get(1).internal()).isTrue();
		assertThat(spec.functions().get(1).returns()).isEqualTo(new Validator.AnyType());
		assertThat(spec.httpRoutes()).containsExactly("POST /hook");
		assertThat(spec.tables()).isEmpty();
	}

	@Test
	void missingVisibilityIsPublicAndInt64LiteralsAreLittleEndian() {
		FunctionSpec ab = ConvexSpec.of(JSON.readTree(LIVE), null).functions().get(0);
		assertThat(ab.internal()).isFalse();
		assertThat(ab.returns()).isEqualTo(new Literal(5L));
	}

	@Test
	void objectShapesCompareByFieldsNotByOrder() {
		Validator ab = Validator.parse(JSON.readTree("""
				{"type":"object","value":{"a":{"fieldType":{"type":"string"},"optional":false},
				 "b":{"fieldType":{"type":"bigint"},"optional":true}}}"""));
		Validator ba = Validator.parse(JSON.readTree("""
				{"type":"object","value":{"b":{"fieldType":{"type":"int64"},"optional":true},
				 "a":{"fieldType":{"type":"string"},"optional":false}}}"""));
		assertThat(ab).isEqualTo(ba)
			.isEqualTo(new ObjectType(Map.of("a", new Field(new Validator.StringType(), false), "b",
					new Field(new Validator.Int64Type(), true))));
	}

	@Test
	void schemaTablesAreReadByName() {
		ConvexSpec spec = ConvexSpec.of(JSON.readTree("{\"functions\":[]}"), JSON.readTree("""
				{"tables":[{"tableName":"users","documentType":{"type":"any"}},
				 {"tableName":"orders","documentType":{"type":"object","value":{}}}],"schemaValidation":true}"""));
		assertThat(spec.tables()).extracting(ConvexSpec.Table::name).containsExactly("orders", "users");
	}

	@Test
	void unknownValidatorOrFunctionTypeIsNamed() {
		assertThatExceptionOfType(SpecException.class)
			.isThrownBy(() -> Validator.parse(JSON.readTree("{\"type\":\"vector\"}")))
			.withMessageContaining("unknown validator type 'vector'");
		assertThatExceptionOfType(SpecException.class)
			.isThrownBy(() -> ConvexSpec.of(JSON.readTree("{\"functions\":[{\"functionType\":\"Cron\"}]}"), null))
			.withMessageContaining("unknown functionType 'Cron'");
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> ConvexSpec.of(JSON.readTree("{}"), null))
			.withMessageContaining("\"functions\" array");
	}

	@Test
	void missingSpecFileSaysHowToMakeOne() {
		assertThatExceptionOfType(SpecException.class)
			.isThrownBy(() -> ConvexSpec.read(java.nio.file.Path.of("target/none/function-spec.json"), null))
			.withMessageContaining("mvn convex:spec")
			.withMessageContaining("npx convex function-spec");
	}

	@Test
	void unionsKeepTheirMembersInOrder() {
		Validator union = Validator.parse(JSON.readTree("""
				{"type":"union","value":[{"type":"literal","value":"b"},{"type":"literal","value":"a"}]}"""));
		assertThat(union).isEqualTo(new Validator.Union(List.of(new Literal("b"), new Literal("a"))));
	}

}
