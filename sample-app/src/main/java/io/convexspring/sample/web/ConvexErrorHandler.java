package io.convexspring.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexTransportException;

/**
 * Answers a failed Convex call with a problem detail whose {@code detail} is the exception's
 * message, with the function, the error's {@code code} and, for a {@code ConvexError}, its
 * {@code data}: an application error is the caller's to fix (422), arguments that could not be
 * sent are a bad request (400), the rest are failures of the upstream service.
 */
@RestControllerAdvice
public final class ConvexErrorHandler {

	@ExceptionHandler(ConvexException.class)
	ProblemDetail handle(ConvexException ex) {
		return problemFor(ex);
	}

	/**
	 * Describes a failed Convex call as a problem detail, for the places that report a failure
	 * other than by throwing it (such as an action handle's state).
	 * @param ex the failure
	 * @return the problem detail that the handler answers for it
	 */
	public static ProblemDetail problemFor(ConvexException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(ex), ex.getMessage());
		problem.setTitle("Convex " + ex.functionKind().label().toLowerCase() + " " + ex.functionPath() + " failed");
		problem.setProperty("function", ex.functionPath());
		ex.code().ifPresent((code) -> problem.setProperty("code", code));
		if (ex instanceof ConvexApplicationException application) {
			problem.setProperty("data", application.data());
		}
		return problem;
	}

	private static HttpStatus status(ConvexException ex) {
		if (ex instanceof ConvexApplicationException) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof ConvexArgumentException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof ConvexTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (ex instanceof ConvexTransportException || ex instanceof ConvexCancelledException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		// a function failure, an HTTP refusal or an unreadable result: the upstream failed
		return HttpStatus.BAD_GATEWAY;
	}

}
