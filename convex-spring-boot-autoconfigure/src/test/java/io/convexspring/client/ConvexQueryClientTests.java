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
 * {@link ConvexQueryClient} against a stubbed deployment: it posts to {@code /api/query}
 * with the same headers and body as every other kind.
 */
class ConvexQueryClientTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static final ConvexQuery<ListOrders, List<Order>> LIST = ConvexQuery.of("orders:list", ListOrders.class,
			new ParameterizedTypeReference<List<Order>>() {
			});

	private ConvexQueryClient client() {
		return new ConvexQueryClient(ConvexTransport.builder(convex.baseUrl()).build());
	}

	@Test
	void postsToTheQueryEndpointWithTheExactBodyAndHeaders() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.success("[]"))));
		client().executeBlocking(LIST, new ListOrders("open", 20));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/query"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Convex-Client", matching("java-spring-\\d+\\.\\d+\\.\\d+.*"))
			.withoutHeader("Authorization")
			.withRequestBody(equalToJson("{\"path\":\"orders:list\",\"args\":[{\"status\":\"open\",\"limit\":20}],"
					+ "\"format\":\"convex_encoded_json\"}")));
		assertThat(convex.getAllServeEvents()).hasSize(1);
	}

	@Test
	void decodesTheTypedResult() {
		convex.stubFor(post("/api/query").willReturn(
				okJson(Wire.success("[{\"id\":\"o1\",\"total\":12.5},{\"id\":\"o2\",\"total\":3}]"))));
		assertThat(client().execute(LIST, new ListOrders("open", 20)).block())
			.containsExactly(new Order("o1", 12.5), new Order("o2", 3));
	}

	@Test
	void withoutArgumentsSendsAnEmptyObject() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.success("7"))));
		ConvexQuery<Void, Integer> count = ConvexQuery.of("orders:count", Void.class, Integer.class);
		assertThat(client().executeBlocking(count)).isEqualTo(7);
		assertThat(client().execute(count).block()).isEqualTo(7);
		convex.verify(2, postRequestedFor(urlEqualTo("/api/query")).withRequestBody(
				equalToJson("{\"path\":\"orders:count\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void callsByPathGoToTheQueryEndpoint() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.success("\"ok\""))));
		assertThat(client().executeBlocking("dir/orders:ping", null, String.class)).isEqualTo("ok");
		assertThat(client().execute("dir/orders:ping", null, String.class).block()).isEqualTo("ok");
		convex.verify(2, postRequestedFor(urlEqualTo("/api/query")).withRequestBody(
				equalToJson("{\"path\":\"dir/orders:ping\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void withUserTokenSendsBearerAuthorization() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.success("[]"))));
		client().withUserToken("user-jwt").executeBlocking(LIST, new ListOrders("open", 1));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/query")).withHeader("Authorization",
				equalTo("Bearer user-jwt")));
	}

	@Test
	void failureNamesTheQuery() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.failure("[Request ID: q1] Server Error"))));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> client().executeBlocking(LIST, new ListOrders("open", 1)))
			.withMessageStartingWith("Query orders:list failed")
			.satisfies((ex) -> assertThat(ex.functionKind()).isEqualTo(FunctionKind.QUERY));
	}

	record ListOrders(String status, int limit) {
	}

	record Order(String id, double total) {
	}

}
