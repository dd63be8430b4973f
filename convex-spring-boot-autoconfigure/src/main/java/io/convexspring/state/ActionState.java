package io.convexspring.state;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexException;

/**
 * An immutable snapshot of a {@link ConvexActionHandle}'s state. Its JSON (as a controller
 * returns it, or streams {@link ConvexActionHandle#states()} as server-sent events) is a view
 * safe for a browser: {@code status}, {@code data}, {@code version}, and {@code error} as
 * {@link ActionError} ({@code code}, {@code message}, {@code function}), never the exception.
 *
 * @param <R> the result type
 * @param status the status of the latest execution
 * @param data the result of the last successful execution, kept while later ones are pending
 * or fail; {@code null} before any success, after {@link ConvexActionHandle#reset()}, or for
 * a Convex {@code null} result
 * @param error the failure of the latest execution; {@code null} unless {@code status} is
 * {@link ActionStatus#ERROR}
 * @param version increases by one with every change, starting at 0
 */
public record ActionState<R>(ActionStatus status, @Nullable R data, @JsonIgnore @Nullable ConvexException error,
		long version) {

	/**
	 * Creates a snapshot.
	 * @param status the status
	 * @param data the last successful result
	 * @param error the latest failure
	 * @param version the version
	 */
	public ActionState {
		Objects.requireNonNull(status, "status must not be null");
	}

	static <R> ActionState<R> initial() {
		return new ActionState<>(ActionStatus.IDLE, null, null, 0);
	}

	/** The failure as the JSON shows it: the safe view of {@link #error()}, or {@code null}. */
	@JsonProperty("error")
	@Nullable ActionError errorView() {
		return (this.error != null) ? ActionError.of(this.error) : null;
	}

	/**
	 * Whether the latest execution is in flight.
	 * @return {@code status() == PENDING}
	 */
	public boolean pending() {
		return this.status == ActionStatus.PENDING;
	}

}
