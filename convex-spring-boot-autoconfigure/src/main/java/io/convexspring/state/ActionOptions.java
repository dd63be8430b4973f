package io.convexspring.state;

import java.util.Objects;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexException;

/**
 * How a {@link ConvexActionHandle} behaves: callbacks, its own logging, argument validation.
 * Immutable: each method returns a copy with one setting changed.
 *
 * <pre class="code">
 * ConvexActionHandle&lt;SendArgs, SendResult&gt; send = client.action(SEND, ActionOptions.forAction(SEND)
 *     .onSuccess((result, args) -&gt; audit.sent(args))
 *     .logging(ActionLogging.INFO));
 * </pre>
 *
 * @param <A> the argument type
 * @param <R> the result type
 * @see ConvexActionClient#action(ConvexAction, ActionOptions)
 */
public final class ActionOptions<A, R> {

	private static final ActionOptions<?, ?> DEFAULTS = new ActionOptions<>(null, null, null, true);

	private final @Nullable BiConsumer<? super @Nullable R, ? super @Nullable A> onSuccess;

	private final @Nullable BiConsumer<? super ConvexException, ? super @Nullable A> onError;

	private final @Nullable ActionLogging logging;

	private final boolean validate;

	private ActionOptions(@Nullable BiConsumer<? super @Nullable R, ? super @Nullable A> onSuccess,
			@Nullable BiConsumer<? super ConvexException, ? super @Nullable A> onError,
			@Nullable ActionLogging logging, boolean validate) {
		this.onSuccess = onSuccess;
		this.onError = onError;
		this.logging = logging;
		this.validate = validate;
	}

	/**
	 * Returns the defaults: no callbacks, the global logging only, arguments validated where
	 * Bean Validation is available. Name the types where the compiler cannot infer them:
	 * {@code ActionOptions.<SendArgs, SendResult>defaults()}, or use {@link #forAction}.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @return the defaults
	 */
	@SuppressWarnings("unchecked")
	public static <A, R> ActionOptions<A, R> defaults() {
		return (ActionOptions<A, R>) DEFAULTS;
	}

	/**
	 * Returns the defaults, typed by an action reference, so that chained callbacks see its
	 * argument and result types.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action the options are for
	 * @return the defaults
	 */
	public static <A, R> ActionOptions<A, R> forAction(ConvexAction<A, R> action) {
		Objects.requireNonNull(action, "action must not be null");
		return defaults();
	}

	/**
	 * Sets what to call after each successful execution, with its result ({@code null} for a
	 * Convex {@code null}) and its arguments. An exception it throws is logged and changes
	 * nothing.
	 * @param callback the callback
	 * @return a copy with the callback
	 */
	public ActionOptions<A, R> onSuccess(BiConsumer<? super @Nullable R, ? super @Nullable A> callback) {
		Objects.requireNonNull(callback, "callback must not be null");
		return new ActionOptions<>(callback, this.onError, this.logging, this.validate);
	}

	/**
	 * Sets what to call after each failed execution, with its failure and its arguments. An
	 * exception it throws is logged and changes nothing.
	 * @param callback the callback
	 * @return a copy with the callback
	 */
	public ActionOptions<A, R> onError(BiConsumer<? super ConvexException, ? super @Nullable A> callback) {
		Objects.requireNonNull(callback, "callback must not be null");
		return new ActionOptions<>(this.onSuccess, callback, this.logging, this.validate);
	}

	/**
	 * Sets what the handle logs of its own executions, whatever {@code convex.logging} says.
	 * @param logging the level
	 * @return a copy with the level
	 */
	public ActionOptions<A, R> logging(ActionLogging logging) {
		Objects.requireNonNull(logging, "logging must not be null");
		return new ActionOptions<>(this.onSuccess, this.onError, logging, this.validate);
	}

	/**
	 * Sets whether to check the arguments' constraint annotations before any request, where
	 * Bean Validation is available; {@code true} by default.
	 * @param validate whether to validate
	 * @return a copy with the setting
	 */
	public ActionOptions<A, R> validate(boolean validate) {
		return new ActionOptions<>(this.onSuccess, this.onError, this.logging, validate);
	}

	@Nullable BiConsumer<? super @Nullable R, ? super @Nullable A> successCallback() {
		return this.onSuccess;
	}

	@Nullable BiConsumer<? super ConvexException, ? super @Nullable A> errorCallback() {
		return this.onError;
	}

	@Nullable ActionLogging loggingLevel() {
		return this.logging;
	}

	boolean validates() {
		return this.validate;
	}

	@Override
	public String toString() {
		return "ActionOptions[onSuccess=" + (this.onSuccess != null) + ", onError=" + (this.onError != null)
				+ ", logging=" + ((this.logging != null) ? this.logging : "global") + ", validate=" + this.validate
				+ "]";
	}

}
