package io.convexspring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.convexspring.state.ActionOptions;
import io.convexspring.state.ArgumentValidator;
import io.convexspring.state.ConvexActionHandle;

/**
 * Executes Convex actions: the function that calls third-party APIs (email, payments, AI), runs long computations and has side effects. Inject it where you need it; it is
 * thread-safe, and its calls share one {@link ConvexTransport}.
 *
 * <pre class="code">
 * Mono&lt;Result&gt; result = client.execute(FUNCTION, args);     // WebFlux
 * Result result = client.executeBlocking(FUNCTION, args);      // Spring MVC, virtual threads
 * ConvexActionHandle&lt;Args, Result&gt; handle = client.action(FUNCTION); // with status, data, error
 * </pre>
 *
 * @see ConvexAction
 */
public final class ConvexActionClient extends ConvexFunctionClient<ConvexActionClient> {

	/** The most characters of a preview in a handle's debug lines unless set: as {@code convex.logging-preview-size}. */
	public static final int DEFAULT_PREVIEW_SIZE = 500;

	private final ArgumentValidator argumentValidator;

	private final int previewSize;

	/**
	 * Creates a client that calls with the transport's default credentials; its handles
	 * validate arguments with {@link ArgumentValidator#detect()}.
	 * @param transport the transport
	 */
	public ConvexActionClient(ConvexTransport transport) {
		this(transport, ArgumentValidator.detect());
	}

	/**
	 * Creates a client that calls with the transport's default credentials.
	 * @param transport the transport
	 * @param argumentValidator what checks the arguments of its {@link #action handles}
	 */
	public ConvexActionClient(ConvexTransport transport, ArgumentValidator argumentValidator) {
		this(transport, argumentValidator, DEFAULT_PREVIEW_SIZE);
	}

	/**
	 * Creates a client that calls with the transport's default credentials.
	 * @param transport the transport
	 * @param argumentValidator what checks the arguments of its {@link #action handles}
	 * @param previewSize the most characters of an argument or result preview in its handles'
	 * debug lines
	 */
	public ConvexActionClient(ConvexTransport transport, ArgumentValidator argumentValidator, int previewSize) {
		this(transport, transport.defaultCredentialsProvider(), argumentValidator, previewSize, null);
	}

	private ConvexActionClient(ConvexTransport transport, ConvexCredentialsProvider credentials,
			ArgumentValidator argumentValidator, int previewSize, @Nullable ArgumentValidator argumentValidation) {
		super(FunctionKind.ACTION, transport, credentials, argumentValidation);
		this.argumentValidator = Objects.requireNonNull(argumentValidator, "argumentValidator must not be null");
		if (previewSize < 0) {
			throw new IllegalArgumentException("previewSize must not be negative, not " + previewSize);
		}
		this.previewSize = previewSize;
	}

	@Override
	ConvexActionClient withTransport(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		return new ConvexActionClient(transport, credentials, this.argumentValidator, this.previewSize,
				argumentValidation);
	}

	/**
	 * Returns the most characters of an argument or result preview in its handles' debug lines.
	 * @return the preview size
	 */
	public int previewSize() {
		return this.previewSize;
	}

	/**
	 * Returns a handle on an action that tracks its executions: status, last result, last
	 * error, as values and as a stream. Each call returns a new handle with its own state.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action
	 * @return the handle, calling through this client
	 */
	public <A, R> ConvexActionHandle<A, R> action(ConvexAction<A, R> action) {
		return action(action, ActionOptions.defaults());
	}

	/**
	 * Returns a handle on an action with options: callbacks, its own logging, validation.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action
	 * @param options the options, e.g. {@code ActionOptions.forAction(action).onSuccess(...)}
	 * @return the handle, calling through this client
	 */
	public <A, R> ConvexActionHandle<A, R> action(ConvexAction<A, R> action, ActionOptions<A, R> options) {
		return new ConvexActionHandle<>(this, action, options, this.argumentValidator);
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
		return await(call(action, args), action);
	}

	/**
	 * Executes a action that takes no arguments and waits for its result.
	 * @param <R> the result type
	 * @param action the action
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <R> @Nullable R executeBlocking(ConvexAction<Void, R> action) {
		return await(call(action, null), action);
	}

}
