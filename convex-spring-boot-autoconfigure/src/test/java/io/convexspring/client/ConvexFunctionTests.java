package io.convexspring.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link ConvexFunction} references and the {@link FunctionPaths} rules they are checked by.
 */
class ConvexFunctionTests {

	@ParameterizedTest
	@ValueSource(strings = { "emails:send", "dir/emails:send", "a/b/c/emails:send", "emails", "emails:_private",
			"emails:send2", "emails.js:send", "my-module:run_now", "m:f234567890123456789012345678901234567890123456789012345678901234" })
	void validPathIsAccepted(String path) {
		assertThat(ConvexAction.of(path, Void.class, Object.class).path()).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "emails:", ":send", "emails:1send", "emails:se-nd", "emails:send:again",
			"emails send", "emails:send ", "/emails:send", "emails/:send", "dir//emails:send", "emails:séndé",
			"m:f2345678901234567890123456789012345678901234567890123456789012345" })
	void invalidPathIsRefusedNamingIt(String path) {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexQuery.of(path, Void.class, Object.class))
			.withMessageStartingWith("Invalid Convex function path '" + path + "'")
			.withMessageContaining("module:function");
	}

	@Test
	void nullPathIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConvexMutation.of(null, Void.class, Object.class));
	}

	@Test
	void eachReferenceHasItsKind() {
		assertThat(ConvexAction.of("a:b", Void.class, Object.class).kind()).isEqualTo(FunctionKind.ACTION);
		assertThat(ConvexMutation.of("a:b", Void.class, Object.class).kind()).isEqualTo(FunctionKind.MUTATION);
		assertThat(ConvexQuery.of("a:b", Void.class, Object.class).kind()).isEqualTo(FunctionKind.QUERY);
	}

	@Test
	void kindsHaveTheirEndpoints() {
		assertThat(FunctionKind.ACTION.endpoint()).isEqualTo("/api/action");
		assertThat(FunctionKind.MUTATION.endpoint()).isEqualTo("/api/mutation");
		assertThat(FunctionKind.QUERY.endpoint()).isEqualTo("/api/query");
		assertThat(FunctionKind.ACTION.letter()).isEqualTo('A');
	}

	@Test
	void genericResultTypeIsKept() {
		ConvexQuery<Void, List<Map<String, Long>>> query = ConvexQuery.of("orders:list", Void.class,
				new ParameterizedTypeReference<List<Map<String, Long>>>() {
				});
		assertThat(query.resultType().getTypeName()).isEqualTo("java.util.List<java.util.Map<java.lang.String, java.lang.Long>>");
		assertThat(query.argumentType()).isEqualTo(Void.class);
		assertThat(query).hasToString(
				"Query orders:list(Void) -> java.util.List<java.util.Map<java.lang.String, java.lang.Long>>");
	}

	@Test
	void referencesAreEqualByKindPathAndTypes() {
		assertThat(ConvexAction.of("a:b", Void.class, String.class)).isEqualTo(ConvexAction.of("a:b", Void.class, String.class))
			.hasSameHashCodeAs(ConvexAction.of("a:b", Void.class, String.class))
			.isNotEqualTo(ConvexMutation.of("a:b", Void.class, String.class))
			.isNotEqualTo(ConvexAction.of("a:c", Void.class, String.class))
			.isNotEqualTo(ConvexAction.of("a:b", Void.class, Object.class));
	}

	@Test
	void missingTypesAreRefused() {
		assertThatNullPointerException().isThrownBy(() -> ConvexAction.of("a:b", null, Object.class))
			.withMessageContaining("argumentType");
		assertThatNullPointerException().isThrownBy(() -> ConvexAction.of("a:b", Void.class, (Class<Object>) null))
			.withMessageContaining("resultType");
		assertThatNullPointerException()
			.isThrownBy(() -> ConvexAction.of("a:b", Void.class, (ParameterizedTypeReference<Object>) null))
			.withMessageContaining("resultType");
	}

}
