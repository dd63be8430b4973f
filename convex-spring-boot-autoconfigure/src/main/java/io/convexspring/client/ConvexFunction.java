package io.convexspring.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A reference to one Convex function: its kind, its path ({@code emails:send}), its argument
 * type and its result type, generic result types included. The Java analogue of
 * {@code FunctionReference<"action">}: make it once, as a constant, and pass it around.
 *
 * @param <A> the argument type (a record, a bean or a {@code Map}; {@code Void} for none)
 * @param <R> the result type
 * @see ConvexAction
 * @see ConvexMutation
 * @see ConvexQuery
 */
public abstract sealed class ConvexFunction<A, R> permits ConvexAction, ConvexMutation, ConvexQuery {

	private final String path;

	private final Class<A> argumentType;

	private final Type resultType;

	private final @Nullable Duration timeout;

	ConvexFunction(String path, Class<A> argumentType, Type resultType, @Nullable Duration timeout) {
		this.path = FunctionPaths.check(path);
		this.argumentType = Objects.requireNonNull(argumentType, "argumentType must not be null");
		this.resultType = Objects.requireNonNull(resultType, "resultType must not be null");
		if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
			throw new IllegalArgumentException("timeout must be positive, not " + timeout);
		}
		this.timeout = timeout;
	}

	static Duration requireTimeout(Duration timeout) {
		return Objects.requireNonNull(timeout, "timeout must not be null");
	}

	/** A reference for a call by path, for what checks its arguments. */
	static ConvexFunction<?, ?> untyped(FunctionKind kind, String path, Class<?> argumentType) {
		return switch (kind) {
			case ACTION -> ConvexAction.of(path, argumentType, Object.class);
			case MUTATION -> ConvexMutation.of(path, argumentType, Object.class);
			case QUERY -> ConvexQuery.of(path, argumentType, Object.class);
		};
	}

	static Type typeOf(ParameterizedTypeReference<?> reference) {
		return Objects.requireNonNull(reference, "resultType must not be null").getType();
	}

	/**
	 * Returns the kind of function.
	 * @return the kind
	 */
	public abstract FunctionKind kind();

	/**
	 * Returns the function's path, e.g. {@code emails:send}.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns the argument type.
	 * @return the argument type
	 */
	public Class<A> argumentType() {
		return this.argumentType;
	}

	/**
	 * Returns the result type, possibly generic.
	 * @return the result type
	 */
	public Type resultType() {
		return this.resultType;
	}

	/**
	 * Returns the deadline of this function's calls, where the reference sets its own
	 * ({@code withTimeout}); otherwise its kind's ({@code convex.<kind>.timeout}) applies.
	 * @return the timeout, if set
	 */
	public Optional<Duration> timeout() {
		return Optional.ofNullable(this.timeout);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ConvexFunction<?, ?> that) && kind() == that.kind() && this.path.equals(that.path)
				&& this.argumentType.equals(that.argumentType) && this.resultType.equals(that.resultType)
				&& Objects.equals(this.timeout, that.timeout);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind(), this.path, this.argumentType, this.resultType, this.timeout);
	}

	@Override
	public String toString() {
		return kind().label() + " " + this.path + "(" + this.argumentType.getSimpleName() + ") -> "
				+ this.resultType.getTypeName() + ((this.timeout != null) ? " within " + this.timeout : "");
	}

}
