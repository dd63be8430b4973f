package io.convexspring.client;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Mono;

/**
 * {@link ConvexMutationClient} against a stubbed deployment: it posts to {@code /api/mutation} with the
 * same headers and body as every other kind.
 */
class ConvexMutationClientTests extends FunctionClientContract<ConvexMutationClient> {

	static final ConvexMutation<ListOrders, List<Order>> LIST = ConvexMutation.of("orders:list", ListOrders.class,
			new ParameterizedTypeReference<List<Order>>() {
			});

	static final ConvexMutation<Void, Integer> COUNT = ConvexMutation.of("orders:count", Void.class, Integer.class);

	@Override
	FunctionKind kind() {
		return FunctionKind.MUTATION;
	}

	@Override
	ConvexMutationClient client(ConvexTransport transport) {
		return new ConvexMutationClient(transport);
	}

	@Override
	List<Order> list(ConvexMutationClient client, ListOrders args) {
		return client.executeBlocking(LIST, args);
	}

	@Override
	Mono<List<Order>> listReactively(ConvexMutationClient client, ListOrders args) {
		return client.execute(LIST, args);
	}

	@Override
	Integer count(ConvexMutationClient client) {
		return client.executeBlocking(COUNT);
	}

	@Override
	Mono<Integer> countReactively(ConvexMutationClient client) {
		return client.execute(COUNT);
	}

}
