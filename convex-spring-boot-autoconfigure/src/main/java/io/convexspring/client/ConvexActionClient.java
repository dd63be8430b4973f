package io.convexspring.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Executes Convex actions: the function that calls third-party APIs (email, payments, AI), runs long computations and has side effects. Inject it where you need it; it is
 * thread-safe, and its calls share one {@link ConvexTransport}.
 *
 * <pre class="code">
 * Mono&lt;Result&gt; result = client.execute(FUNCTION, args);     // WebFlux
 * Result result = client.executeBlocking(FUNCTION, args);      // Spring MVC, virtual threads
 * </pre>
 *
 * @see ConvexAction
 */
public final class ConvexActionClient extends ConvexFunctionClient<ConvexActionClient> {

	/**
	 * Creates a client that calls with the transport's default credentials.
	 * @param transport the transport
	 */
	public ConvexActionClient(ConvexTransport transport) {
		this(transport, transport.defaultCredentials());
	}

	private ConvexActionClient(ConvexTransport transport, ConvexCredentials credentials) {
		super(FunctionKind.ACTION, transport, credentials);
	}

	@Override
	ConvexActionClient withTransport(ConvexTransport transport, ConvexCredentials credentials) {
		return new ConvexActionClient(transport, credentials);
	}

	/**
	 * Executes a action. Nothing is sent until the {@link Mono} is subscribed; cancelling it
	 * cancels the HTTP request.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result; empty for a Convex {@code null}; a {@link ConvexException} as it fails
	 */
	public <A, R> Mono<R> execute(ConvexAction<A, R> action, @Nullable A args) {
		return call(action, args);
	}

	/**
	 * Executes a action that takes no arguments (sent as {@code {}}).
	 * @param <R> the result type
	 * @param action the action
	 * @return the result; empty for a Convex {@code null}
	 */
	public <R> Mono<R> execute(ConvexAction<Void, R> action) {
		return call(action, null);
	}

	/**
	 * Executes a action and waits for its result, for Spring MVC and virtual threads. Refuses to
	 * block a Reactor event-loop thread; interrupting the waiting thread cancels the call.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <A, R> @Nullable R executeBlocking(ConvexAction<A, R> action, @Nullable A args) {
		return await(call(action, args), action.path());
	}

	/**
	 * Executes a action that takes no arguments and waits for its result.
	 * @param <R> the result type
	 * @param action the action
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <R> @Nullable R executeBlocking(ConvexAction<Void, R> action) {
		return await(call(action, null), action.path());
	}

}
