package io.convexspring.state;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.ConvexValidationException;

/**
 * One action with the state of its executions: status, last result and last error, readable
 * at any time and observable as a stream (for server-sent events). Obtain it from
 * {@link ConvexActionClient#action(ConvexAction)}; it calls through that client and its
 * credentials. Thread-safe; when executions overlap, the state follows the latest started.
 *
 * <pre class="code">
 * ConvexActionHandle&lt;SendArgs, SendResult&gt; send = client.action(SEND);
 * send.execute(args).subscribe();                // or executeBlocking(args) in Spring MVC
 * send.status();                                 // PENDING, then SUCCESS or ERROR
 * Flux&lt;ActionState&lt;SendResult&gt;&gt; events = send.states();
 * </pre>
 *
 * Each execution first checks the arguments' constraint annotations (see
 * {@link ActionOptions#validate(boolean)}): a violation fails it with a
 * {@link ConvexValidationException} before any request. Each settles exactly once: success,
 * failure, or, when its caller cancels, a {@link ConvexCancelledException}; the matching
 * callback of {@link ActionOptions} runs for it even when a newer execution or a
 * {@link #reset()} means it no longer changes the state.
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
public final class ConvexActionHandle<A, R> {

	private final ConvexActionClient client;

	private final ConvexAction<A, R> action;

	private final ActionOptions<A, R> options;

	private final ArgumentValidator validator;

	private final ActionStateStore<R> store = new ActionStateStore<>();

	private final ExecutionLog log;

	/**
	 * Creates a handle; {@link ConvexActionClient#action(ConvexAction, ActionOptions)} is the
	 * usual way.
	 * @param client the client to call through
	 * @param action the action
	 * @param options the options
	 * @param validator what checks the arguments when {@link ActionOptions#validate(boolean)}
	 * is on
	 */
	public ConvexActionHandle(ConvexActionClient client, ConvexAction<A, R> action, ActionOptions<A, R> options,
			ArgumentValidator validator) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.action = Objects.requireNonNull(action, "action must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.validator = Objects.requireNonNull(validator, "validator must not be null");
		this.log = new ExecutionLog(action, options.loggingLevel(), client.previewSize());
	}

	/**
	 * Executes the action once per subscription, tracking the state. Nothing happens until the
	 * {@link Mono} is subscribed; cancelling it cancels the request.
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result; empty for a Convex {@code null}; a {@link ConvexException} as it
	 * fails
	 */
	public Mono<R> execute(@Nullable A args) {
		return Mono.defer(() -> {
			long startNanos = System.nanoTime();
			long execution = this.store.start();
			AtomicBoolean settled = new AtomicBoolean();
			this.log.started(args);
			Mono<R> call = Mono.fromRunnable(() -> validate(args)).then(this.client.execute(this.action, args));
			return call.onErrorMap((failure) -> !(failure instanceof ConvexException), this::unexpected)
				.doOnSuccess((result) -> {
					if (settled.compareAndSet(false, true)) {
						succeeded(execution, args, result, startNanos);
					}
				})
				.doOnError(ConvexException.class, (failure) -> {
					if (settled.compareAndSet(false, true)) {
						failed(execution, args, failure, startNanos);
					}
				})
				.doOnCancel(() -> {
					if (settled.compareAndSet(false, true)) {
						failed(execution, args, cancelled(), startNanos);
					}
				});
		}).contextWrite((context) -> {
			ActionLogging level = this.options.loggingLevel();
			return (level != null) ? context.put(ActionLogging.class, level) : context;
		});
	}

	/**
	 * Executes the action and waits for its result, for Spring MVC and virtual threads.
	 * Refuses to block a Reactor event-loop thread; interrupting the waiting thread cancels the
	 * execution.
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the execution fails
	 */
	public @Nullable R executeBlocking(@Nullable A args) {
		return this.client.transport().block(execute(args), this.action.kind(), this.action.path());
	}

	/**
	 * Executes the action like {@link #execute}, with the outcome as a value.
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the outcome; never empty, never an error
	 */
	public Mono<ActionResult<R>> executeSafe(@Nullable A args) {
		return execute(args).<ActionResult<R>>map(ActionResult.Success::new)
			.defaultIfEmpty(new ActionResult.Success<>(null))
			.onErrorResume(ConvexException.class, (failure) -> Mono.just(new ActionResult.Failure<>(failure)));
	}

	/**
	 * Executes the action like {@link #executeBlocking}, with the outcome as a value.
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the outcome
	 * @throws IllegalStateException on a non-blocking thread
	 */
	public ActionResult<R> executeSafeBlocking(@Nullable A args) {
		try {
			return new ActionResult.Success<>(executeBlocking(args));
		}
		catch (ConvexException failure) {
			return new ActionResult.Failure<>(failure);
		}
	}

	/**
	 * Returns the result of the last successful execution.
	 * @return the result; {@code null} before any, after {@link #reset()}, or for a Convex
	 * {@code null}
	 */
	public @Nullable R data() {
		return this.store.current().data();
	}

	/**
	 * Returns the status of the latest execution.
	 * @return the status
	 */
	public ActionStatus status() {
		return this.store.current().status();
	}

	/**
	 * Whether the latest execution is in flight.
	 * @return {@code status() == PENDING}
	 */
	public boolean pending() {
		return this.store.current().pending();
	}

	/**
	 * Returns the failure of the latest execution.
	 * @return the failure, or {@code null} unless the status is {@link ActionStatus#ERROR}
	 */
	public @Nullable ConvexException error() {
		return this.store.current().error();
	}

	/**
	 * Returns the whole state at once, consistent across its parts.
	 * @return an immutable snapshot
	 */
	public ActionState<R> state() {
		return this.store.current();
	}

	/**
	 * Returns the state as a stream: the current state first, then every change, in version
	 * order. Hot and shared by all subscribers; never errors or completes, so bound it (an SSE
	 * connection ends with its client).
	 * @return the states
	 */
	public Flux<ActionState<R>> states() {
		return this.store.states();
	}

	/**
	 * Returns the handle to its first state: {@link ActionStatus#IDLE}, without data or error.
	 * Executions still in flight no longer change the state; their callers still get their
	 * outcome.
	 */
	public void reset() {
		this.store.reset();
	}

	/**
	 * Returns a new handle on the same action and options, with a state of its own, whose
	 * executions run with the given credentials.
	 * @param credentials the credentials
	 * @return the new handle
	 */
	public ConvexActionHandle<A, R> withCredentials(ConvexCredentials credentials) {
		return withCredentials(ConvexCredentialsProvider.of(credentials));
	}

	/**
	 * Returns a new handle on the same action and options, with a state of its own, whose
	 * executions ask the provider for their credentials, each as it is sent.
	 * @param provider the provider
	 * @return the new handle
	 */
	public ConvexActionHandle<A, R> withCredentials(ConvexCredentialsProvider provider) {
		return new ConvexActionHandle<>(this.client.withCredentials(provider), this.action, this.options,
				this.validator);
	}

	/**
	 * Returns a new handle on the same action and options, with a state of its own, whose
	 * executions run as the user the token identifies ({@code Authorization: Bearer <token>}).
	 * @param token the user's JWT; an explicit {@code Bearer } scheme is accepted
	 * @return the new handle
	 */
	public ConvexActionHandle<A, R> withUserToken(String token) {
		return withCredentials(ConvexCredentials.userToken(token));
	}

	/**
	 * Returns the action this handle executes.
	 * @return the action
	 */
	public ConvexAction<A, R> action() {
		return this.action;
	}

	private void validate(@Nullable A args) {
		// a client that validates every call checks these arguments itself, once
		if (args != null && this.options.validates() && !this.client.validatesArguments()) {
			this.validator.validate(this.action, args);
		}
	}

	private void succeeded(long execution, @Nullable A args, @Nullable R result, long startNanos) {
		this.store.succeed(execution, result);
		this.log.succeeded(result, startNanos);
		callBack("onSuccess", this.options.successCallback(), result, args);
	}

	private void failed(long execution, @Nullable A args, ConvexException failure, long startNanos) {
		this.store.fail(execution, failure);
		this.log.failed(failure, startNanos);
		callBack("onError", this.options.errorCallback(), failure, args);
	}

	private <T> void callBack(String name, @Nullable BiConsumer<? super T, ? super @Nullable A> callback, T outcome,
			@Nullable A args) {
		if (callback != null) {
			try {
				callback.accept(outcome, args);
			}
			catch (Exception ex) {
				this.log.callbackFailed(name, ex);
			}
		}
	}

	private ConvexCancelledException cancelled() {
		return new ConvexCancelledException(this.action.kind(), this.action.path(), "its subscriber cancelled",
				new CancellationException());
	}

	private ConvexException unexpected(Throwable failure) {
		return new ConvexTransportException(this.action.kind(), this.action.path(),
				"the execution failed unexpectedly (" + failure + ")", false, failure);
	}

	@Override
	public String toString() {
		return "ConvexActionHandle[" + this.action + ", " + state() + "]";
	}

}
