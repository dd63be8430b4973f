package io.convexspring.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.convexspring.state.ArgumentValidator;

/**
 * Executes Convex querys: the function that reads the database. Inject it where you need it; it is
 * thread-safe, and its calls share one {@link ConvexTransport}.
 *
 * <pre class="code">
 * Mono&lt;Result&gt; result = client.execute(FUNCTION, args);     // WebFlux
 * Result result = client.executeBlocking(FUNCTION, args);      // Spring MVC, virtual threads
 * </pre>
 *
 * @see ConvexQuery
 */
public final class ConvexQueryClient extends ConvexFunctionClient<ConvexQueryClient> {

	/**
	 * Creates a client that calls with the transport's default credentials.
	 * @param transport the transport
	 */
	public ConvexQueryClient(ConvexTransport transport) {
		this(transport, transport.defaultCredentialsProvider(), null);
	}

	private ConvexQueryClient(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		super(FunctionKind.QUERY, transport, credentials, argumentValidation);
	}

	@Override
	ConvexQueryClient withTransport(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		return new ConvexQueryClient(transport, credentials, argumentValidation);
	}

	/**
	 * Executes a query. Nothing is sent until the {@link Mono} is subscribed; cancelling it
	 * cancels the HTTP request.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param query the query
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result; empty for a Convex {@code null}; a {@link ConvexException} as it fails
	 */
	public <A, R> Mono<R> execute(ConvexQuery<A, R> query, @Nullable A args) {
		return call(query, args);
	}

	/**
	 * Executes a query that takes no arguments (sent as {@code {}}).
	 * @param <R> the result type
	 * @param query the query
	 * @return the result; empty for a Convex {@code null}
	 */
	public <R> Mono<R> execute(ConvexQuery<Void, R> query) {
		return call(query, null);
	}

	/**
	 * Executes a query and waits for its result, for Spring MVC and virtual threads. Refuses to
	 * block a Reactor event-loop thread; interrupting the waiting thread cancels the call.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param query the query
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <A, R> @Nullable R executeBlocking(ConvexQuery<A, R> query, @Nullable A args) {
		return await(call(query, args), query);
	}

	/**
	 * Executes a query that takes no arguments and waits for its result.
	 * @param <R> the result type
	 * @param query the query
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <R> @Nullable R executeBlocking(ConvexQuery<Void, R> query) {
		return await(call(query, null), query);
	}

}
