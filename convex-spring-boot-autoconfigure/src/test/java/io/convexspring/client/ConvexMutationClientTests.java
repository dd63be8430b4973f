package io.convexspring.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConvexMutationClient} against a stubbed deployment: it posts to {@code /api/mutation}
 * with the same headers and body as every other kind.
 */
class ConvexMutationClientTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static final ConvexMutation<ListOrders, List<Order>> LIST = ConvexMutation.of("orders:list", ListOrders.class,
			new ParameterizedTypeReference<List<Order>>() {
			});

	private ConvexMutationClient client() {
		return new ConvexMutationClient(ConvexTransport.builder(convex.baseUrl()).build());
	}

	@Test
	void postsToTheMutationEndpointWithTheExactBodyAndHeaders() {
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.success("[]"))));
		client().executeBlocking(LIST, new ListOrders("open", 20));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/mutation"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Convex-Client", matching("java-spring-\\d+\\.\\d+\\.\\d+.*"))
			.withoutHeader("Authorization")
			.withRequestBody(equalToJson("{\"path\":\"orders:list\",\"args\":[{\"status\":\"open\",\"limit\":20}],"
					+ "\"format\":\"convex_encoded_json\"}")));
		assertThat(convex.getAllServeEvents()).hasSize(1);
	}

	@Test
	void decodesTheTypedResult() {
		convex.stubFor(post("/api/mutation").willReturn(
				okJson(Wire.success("[{\"id\":\"o1\",\"total\":12.5},{\"id\":\"o2\",\"total\":3}]"))));
		assertThat(client().execute(LIST, new ListOrders("open", 20)).block())
			.containsExactly(new Order("o1", 12.5), new Order("o2", 3));
	}

	@Test
	void withoutArgumentsSendsAnEmptyObject() {
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.success("7"))));
		ConvexMutation<Void, Integer> count = ConvexMutation.of("orders:count", Void.class, Integer.class);
		assertThat(client().executeBlocking(count)).isEqualTo(7);
		assertThat(client().execute(count).block()).isEqualTo(7);
		convex.verify(2, postRequestedFor(urlEqualTo("/api/mutation")).withRequestBody(
				equalToJson("{\"path\":\"orders:count\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void callsByPathGoToTheMutationEndpoint() {
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.success("\"ok\""))));
		assertThat(client().executeBlocking("dir/orders:ping", null, String.class)).isEqualTo("ok");
		assertThat(client().execute("dir/orders:ping", null, String.class).block()).isEqualTo("ok");
		convex.verify(2, postRequestedFor(urlEqualTo("/api/mutation")).withRequestBody(
				equalToJson("{\"path\":\"dir/orders:ping\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void withUserTokenSendsBearerAuthorization() {
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.success("[]"))));
		client().withUserToken("user-jwt").executeBlocking(LIST, new ListOrders("open", 1));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/mutation")).withHeader("Authorization",
				equalTo("Bearer user-jwt")));
	}

	@Test
	void failureNamesTheMutation() {
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.failure("[Request ID: q1] Server Error"))));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> client().executeBlocking(LIST, new ListOrders("open", 1)))
			.withMessageStartingWith("Mutation orders:list failed")
			.satisfies((ex) -> assertThat(ex.functionKind()).isEqualTo(FunctionKind.MUTATION));
	}

	record ListOrders(String status, int limit) {
	}

	record Order(String id, double total) {
	}

}
