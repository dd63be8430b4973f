package io.convexspring.state;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexException;

/**
 * The outcome of one execution as a value, either its result or its failure, from
 * {@link ConvexActionHandle#executeSafe} and {@link ConvexActionHandle#executeSafeBlocking}:
 * a {@link Success} or a {@link Failure}, nothing else.
 *
 * @param <R> the result type
 */
public sealed interface ActionResult<R> permits ActionResult.Success, ActionResult.Failure {

	/**
	 * Whether the execution succeeded.
	 * @return {@code true} for a {@link Success}
	 */
	boolean isSuccess();

	/**
	 * Returns the result of a success.
	 * @return the result; {@code null} for a failure or a Convex {@code null}
	 */
	@Nullable R dataOrNull();

	/**
	 * Returns the failure.
	 * @return the failure; {@code null} for a success
	 */
	@Nullable ConvexException errorOrNull();

	/**
	 * Returns the result of a success, or throws the failure.
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException the failure
	 */
	@Nullable R orElseThrow();

	/**
	 * The execution succeeded.
	 *
	 * @param <R> the result type
	 * @param data the result; {@code null} for a Convex {@code null}
	 */
	record Success<R>(@Nullable R data) implements ActionResult<R> {

		@Override
		public boolean isSuccess() {
			return true;
		}

		@Override
		public @Nullable R dataOrNull() {
			return this.data;
		}

		@Override
		public @Nullable ConvexException errorOrNull() {
			return null;
		}

		@Override
		public @Nullable R orElseThrow() {
			return this.data;
		}

	}

	/**
	 * The execution failed.
	 *
	 * @param <R> the result type
	 * @param error the failure
	 */
	record Failure<R>(ConvexException error) implements ActionResult<R> {

		/**
		 * Creates a failure.
		 * @param error the failure
		 */
		public Failure {
			Objects.requireNonNull(error, "error must not be null");
		}

		@Override
		public boolean isSuccess() {
			return false;
		}

		@Override
		public @Nullable R dataOrNull() {
			return null;
		}

		@Override
		public ConvexException errorOrNull() {
			return this.error;
		}

		@Override
		public @Nullable R orElseThrow() {
			throw this.error;
		}

	}

}
