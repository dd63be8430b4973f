package io.convexspring.observation;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexResultException;
import io.convexspring.client.ConvexTransportException;

/**
 * How a function execution ended: success, or one value per family of the sealed
 * {@link ConvexException} hierarchy. Its {@link #value()} is the {@code outcome} tag of
 * {@link DefaultConvexObservationConvention}.
 */
public enum ConvexOutcome {

	/** The function ran and returned a result. */
	SUCCESS("success"),

	/** The function threw a {@code ConvexError}: {@link ConvexApplicationException}. */
	CONVEX_ERROR("convex_error"),

	/** The function failed otherwise: {@link ConvexFunctionFailedException}. */
	FUNCTION_ERROR("function_error"),

	/** The backend refused the request over HTTP, credentials included: {@link ConvexHttpException}. */
	HTTP_ERROR("http_error"),

	/** No usable answer (connection, timeout, malformed or oversize body): {@link ConvexTransportException}. */
	TRANSPORT_ERROR("transport_error"),

	/** The arguments could not be sent: {@link ConvexArgumentException}. */
	ARGUMENT_ERROR("argument_error"),

	/** The result did not fit the declared type: {@link ConvexResultException}. */
	RESULT_ERROR("result_error"),

	/** The caller cancelled the execution, or a {@link ConvexCancelledException}. */
	CANCELLED("cancelled"),

	/** Still running (the tags of in-flight meters), or a failure outside the hierarchy. */
	UNKNOWN("unknown");

	private final String value;

	ConvexOutcome(String value) {
		this.value = value;
	}

	/**
	 * Returns the tag value, e.g. {@code convex_error}.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Classifies a failure by its type, never by its message.
	 * @param error the failure
	 * @return the outcome
	 */
	public static ConvexOutcome of(@Nullable Throwable error) {
		if (error == null) {
			return SUCCESS;
		}
		if (error instanceof ConvexApplicationException) {
			return CONVEX_ERROR;
		}
		if (error instanceof ConvexFunctionFailedException) {
			return FUNCTION_ERROR;
		}
		if (error instanceof ConvexHttpException) {
			return HTTP_ERROR;
		}
		if (error instanceof ConvexTransportException) {
			return TRANSPORT_ERROR;
		}
		if (error instanceof ConvexArgumentException) {
			return ARGUMENT_ERROR;
		}
		if (error instanceof ConvexResultException) {
			return RESULT_ERROR;
		}
		if (error instanceof ConvexCancelledException) {
			return CANCELLED;
		}
		return UNKNOWN;
	}

}
