package io.convexspring.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

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
 * What the mutation and query clients share, against a stubbed deployment: each posts to its
 * kind's endpoint with the same headers and body as every other kind. A subclass supplies the
 * client and its typed calls.
 *
 * @param <C> the client type
 */
abstract class FunctionClientContract<C extends ConvexFunctionClient<C>> {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	abstract FunctionKind kind();

	abstract C client(ConvexTransport transport);

	/** Calls {@code orders:list} of this kind, blocking. */
	abstract List<Order> list(C client, ListOrders args);

	/** Calls {@code orders:list} of this kind, reactively. */
	abstract Mono<List<Order>> listReactively(C client, ListOrders args);

	/** Calls {@code orders:count}, which takes no arguments, blocking. */
	abstract Integer count(C client);

	/** Calls {@code orders:count} reactively. */
	abstract Mono<Integer> countReactively(C client);

	private C client() {
		return client(ConvexTransport.builder(convex.baseUrl()).build());
	}

	private String endpoint() {
		return kind().endpoint();
	}

	@Test
	void postsToItsEndpointWithTheExactBodyAndHeaders() {
		convex.stubFor(post(endpoint()).willReturn(okJson(Wire.success("[]"))));
		list(client(), new ListOrders("open", 20));
		convex.verify(1, postRequestedFor(urlEqualTo(endpoint()))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Convex-Client", matching("java-spring-\\d+\\.\\d+\\.\\d+.*"))
			.withoutHeader("Authorization")
			.withRequestBody(equalToJson("{\"path\":\"orders:list\",\"args\":[{\"status\":\"open\",\"limit\":20}],"
					+ "\"format\":\"convex_encoded_json\"}")));
		assertThat(convex.getAllServeEvents()).hasSize(1);
	}

	@Test
	void decodesTheTypedResult() {
		convex.stubFor(post(endpoint()).willReturn(
				okJson(Wire.success("[{\"id\":\"o1\",\"total\":12.5},{\"id\":\"o2\",\"total\":3}]"))));
		assertThat(listReactively(client(), new ListOrders("open", 20)).block())
			.containsExactly(new Order("o1", 12.5), new Order("o2", 3));
	}

	@Test
	void withoutArgumentsSendsAnEmptyObject() {
		convex.stubFor(post(endpoint()).willReturn(okJson(Wire.success("7"))));
		assertThat(count(client())).isEqualTo(7);
		assertThat(countReactively(client()).block()).isEqualTo(7);
		convex.verify(2, postRequestedFor(urlEqualTo(endpoint())).withRequestBody(
				equalToJson("{\"path\":\"orders:count\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void callsByPathGoToItsEndpoint() {
		convex.stubFor(post(endpoint()).willReturn(okJson(Wire.success("\"ok\""))));
		assertThat(client().executeBlocking("dir/orders:ping", null, String.class)).isEqualTo("ok");
		assertThat(client().execute("dir/orders:ping", null, String.class).block()).isEqualTo("ok");
		convex.verify(2, postRequestedFor(urlEqualTo(endpoint())).withRequestBody(
				equalToJson("{\"path\":\"dir/orders:ping\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void withUserTokenSendsBearerAuthorization() {
		convex.stubFor(post(endpoint()).willReturn(okJson(Wire.success("[]"))));
		list(client().withUserToken("user-jwt"), new ListOrders("open", 1));
		convex.verify(1, postRequestedFor(urlEqualTo(endpoint())).withHeader("Authorization",
				equalTo("Bearer user-jwt")));
	}

	@Test
	void failureNamesTheFunctionAndItsKind() {
		convex.stubFor(post(endpoint()).willReturn(okJson(Wire.failure("[Request ID: q1] Server Error"))));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> list(client(), new ListOrders("open", 1)))
			.withMessageStartingWith(kind().label() + " orders:list failed")
			.satisfies((ex) -> assertThat(ex.functionKind()).isEqualTo(kind()));
	}

	record ListOrders(String status, int limit) {
	}

	record Order(String id, double total) {
	}

}
