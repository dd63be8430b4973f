package io.convexspring.state;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexAuthenticationException;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexResultException;
import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexTransportException;

/**
 * What an {@link ActionState}'s JSON says of a failure, safe to send to a browser: its code,
 * a message and the function. The message is the exception's for a {@code ConvexError} (the
 * application's own data) and for arguments that could not be sent; for every other failure it
 * names the function and the kind of failure only, never the server's message, a stack trace
 * or a cause.
 *
 * @param code the failure's code ({@link ConvexException#code()}), if any
 * @param message what failed
 * @param function the function path, e.g. {@code emails:send}
 */
public record ActionError(@Nullable String code, String message, String function) {

	/**
	 * Creates the view.
	 * @param code the code
	 * @param message the message
	 * @param function the function path
	 */
	public ActionError {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(function, "function must not be null");
	}

	/**
	 * Returns the safe view of a failure.
	 * @param failure the failure
	 * @return the view
	 */
	public static ActionError of(ConvexException failure) {
		String message;
		if ((failure instanceof ConvexApplicationException || failure instanceof ConvexArgumentException)
				&& failure.getMessage() != null) {
			message = failure.getMessage();
		}
		else {
			message = "Convex " + failure.functionKind().label().toLowerCase() + " " + failure.functionPath() + " "
					+ outcome(failure);
		}
		return new ActionError(failure.code().orElse(null), message, failure.functionPath());
	}

	private static String outcome(ConvexException failure) {
		if (failure instanceof ConvexAuthenticationException) {
			return "refused the credentials";
		}
		if (failure instanceof ConvexHttpException) {
			return "was refused with HTTP " + failure.httpStatus().orElse(0);
		}
		if (failure instanceof ConvexTimeoutException) {
			return "did not answer in time";
		}
		if (failure instanceof ConvexTransportException) {
			return "could not be reached, or answered unreadably";
		}
		if (failure instanceof ConvexResultException) {
			return "returned a result that does not fit its type";
		}
		if (failure instanceof ConvexCancelledException) {
			return "was cancelled";
		}
		return "failed";
	}

}
