package io.convexspring.client;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Mono;

/**
 * {@link ConvexQueryClient} against a stubbed deployment: it posts to {@code /api/query} with the
 * same headers and body as every other kind.
 */
class ConvexQueryClientTests extends FunctionClientContract<ConvexQueryClient> {

	static final ConvexQuery<ListOrders, List<Order>> LIST = ConvexQuery.of("orders:list", ListOrders.class,
			new ParameterizedTypeReference<List<Order>>() {
			});

	static final ConvexQuery<Void, Integer> COUNT = ConvexQuery.of("orders:count", Void.class, Integer.class);

	@Override
	FunctionKind kind() {
		return FunctionKind.QUERY;
	}

	@Override
	ConvexQueryClient client(ConvexTransport transport) {
		return new ConvexQueryClient(transport);
	}

	@Override
	List<Order> list(ConvexQueryClient client, ListOrders args) {
		return client.executeBlocking(LIST, args);
	}

	@Override
	Mono<List<Order>> listReactively(ConvexQueryClient client, ListOrders args) {
		return client.execute(LIST, args);
	}

	@Override
	Integer count(ConvexQueryClient client) {
		return client.executeBlocking(COUNT);
	}

	@Override
	Mono<Integer> countReactively(ConvexQueryClient client) {
		return client.execute(COUNT);
	}

}
