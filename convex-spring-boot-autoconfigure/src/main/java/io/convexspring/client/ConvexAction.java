package io.convexspring.client;

import java.lang.reflect.Type;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A reference to a Convex action, executed with {@link ConvexActionClient}.
 *
 * <pre class="code">
 * static final ConvexAction&lt;Args, Result&gt; FUNCTION = ConvexAction.of("module:function", Args.class, Result.class);
 * </pre>
 *
 * @param <A> the argument type ({@code Void} for none)
 * @param <R> the result type
 */
public final class ConvexAction<A, R> extends ConvexFunction<A, R> {

	private ConvexAction(String path, Class<A> argumentType, Type resultType, @Nullable Duration timeout) {
		super(path, argumentType, resultType, timeout);
	}

	/**
	 * References a action with a plain result type.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param path the function path, e.g. {@code module:function}
	 * @param argumentType the argument type ({@code Void.class} for none)
	 * @param resultType the result type
	 * @return the reference
	 * @throws IllegalArgumentException if the path is not a valid Convex function path
	 */
	public static <A, R> ConvexAction<A, R> of(String path, Class<A> argumentType, Class<R> resultType) {
		return new ConvexAction<>(path, argumentType, resultType, null);
	}

	/**
	 * References a action with a generic result type, e.g. {@code List<Order>}.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param path the function path, e.g. {@code module:function}
	 * @param argumentType the argument type ({@code Void.class} for none)
	 * @param resultType the result type, as {@code new ParameterizedTypeReference<List<Order>>() {}}
	 * @return the reference
	 * @throws IllegalArgumentException if the path is not a valid Convex function path
	 */
	public static <A, R> ConvexAction<A, R> of(String path, Class<A> argumentType,
			ParameterizedTypeReference<R> resultType) {
		return new ConvexAction<>(path, argumentType, typeOf(resultType), null);
	}

	/**
	 * Returns a reference to the same action whose calls have their own deadline instead of
	 * {@code convex.action.timeout}; this reference is not changed.
	 * @param timeout the deadline of each call, retries included
	 * @return the reference with the timeout
	 */
	public ConvexAction<A, R> withTimeout(Duration timeout) {
		return new ConvexAction<>(path(), argumentType(), resultType(), requireTimeout(timeout));
	}

	@Override
	public FunctionKind kind() {
		return FunctionKind.ACTION;
	}

}
