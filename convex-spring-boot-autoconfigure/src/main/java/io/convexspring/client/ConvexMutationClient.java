package io.convexspring.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.convexspring.state.ArgumentValidator;

/**
 * Executes Convex mutations: the function that writes the database in a transaction. Inject it where you need it; it is
 * thread-safe, and its calls share one {@link ConvexTransport}.
 *
 * <pre class="code">
 * Mono&lt;Result&gt; result = client.execute(FUNCTION, args);     // WebFlux
 * Result result = client.executeBlocking(FUNCTION, args);      // Spring MVC, virtual threads
 * </pre>
 *
 * @see ConvexMutation
 */
public final class ConvexMutationClient extends ConvexFunctionClient<ConvexMutationClient> {

	/**
	 * Creates a client that calls with the transport's default credentials.
	 * @param transport the transport
	 */
	public ConvexMutationClient(ConvexTransport transport) {
		this(transport, transport.defaultCredentialsProvider(), null);
	}

	private ConvexMutationClient(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		super(FunctionKind.MUTATION, transport, credentials, argumentValidation);
	}

	@Override
	ConvexMutationClient withTransport(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		return new ConvexMutationClient(transport, credentials, argumentValidation);
	}

	/**
	 * Executes a mutation. Nothing is sent until the {@link Mono} is subscribed; cancelling it
	 * cancels the HTTP request.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param mutation the mutation
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result; empty for a Convex {@code null}; a {@link ConvexException} as it fails
	 */
	public <A, R> Mono<R> execute(ConvexMutation<A, R> mutation, @Nullable A args) {
		return call(mutation, args);
	}

	/**
	 * Executes a mutation that takes no arguments (sent as {@code {}}).
	 * @param <R> the result type
	 * @param mutation the mutation
	 * @return the result; empty for a Convex {@code null}
	 */
	public <R> Mono<R> execute(ConvexMutation<Void, R> mutation) {
		return call(mutation, null);
	}

	/**
	 * Executes a mutation and waits for its result, for Spring MVC and virtual threads. Refuses to
	 * block a Reactor event-loop thread; interrupting the waiting thread cancels the call.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param mutation the mutation
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <A, R> @Nullable R executeBlocking(ConvexMutation<A, R> mutation, @Nullable A args) {
		return await(call(mutation, args), mutation);
	}

	/**
	 * Executes a mutation that takes no arguments and waits for its result.
	 * @param <R> the result type
	 * @param mutation the mutation
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <R> @Nullable R executeBlocking(ConvexMutation<Void, R> mutation) {
		return await(call(mutation, null), mutation);
	}

}
