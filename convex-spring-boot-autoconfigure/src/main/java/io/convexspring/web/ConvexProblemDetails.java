package io.convexspring.web;

import java.time.Duration;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexAuthenticationException;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionException;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexValidationException;

/**
 * Turns a failed Convex call into the HTTP answer a web client should get: an RFC 9457
 * problem detail whose status says what failed. A {@code ConvexError} is the caller's to act
 * on (422, with its {@code data} and {@code code}); arguments that could not be sent are a bad
 * request (400, with the violations); rate limiting is 429 and overload 503, both with
 * {@code Retry-After}; a timeout 504; refused credentials 401 or 403; every other failure of
 * the upstream 502. Properties: {@code function} (the path), {@code code} where there is one.
 *
 * <p>Only what is meant for the caller is written: the error data of a {@code ConvexError}
 * and the reason arguments were refused. Other failures are described by the function and
 * their status alone, never by the server's message (which may hold a stack or internals), a
 * stack trace, or credentials.
 */
public final class ConvexProblemDetails {

	private final Duration retryAfter;

	/**
	 * Creates the mapping.
	 * @param retryAfter what {@code Retry-After} says for rate limiting and overload where the
	 * backend sent none of its own (rounded up to whole seconds)
	 */
	public ConvexProblemDetails(Duration retryAfter) {
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
	}

	/**
	 * Returns the response for a failure.
	 * @param failure the failure
	 * @return the response, with a problem detail body
	 */
	public ResponseEntity<ProblemDetail> response(ConvexException failure) {
		HttpStatus status = status(failure);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(failure, status));
		problem.setTitle("Convex " + failure.functionKind().label().toLowerCase() + " " + failure.functionPath()
				+ " failed");
		problem.setProperty("function", failure.functionPath());
		failure.code().ifPresent((code) -> problem.setProperty("code", code));
		if (failure instanceof ConvexApplicationException application) {
			problem.setProperty("data", application.data());
		}
		if (failure instanceof ConvexValidationException validation) {
			problem.setProperty("violations", validation.violations());
		}
		else if (failure instanceof ConvexArgumentException argument && !argument.argumentPath().isEmpty()) {
			problem.setProperty("argument", argument.argumentPath());
		}
		if (failure instanceof ConvexFunctionException function) {
			function.requestId().ifPresent((requestId) -> problem.setProperty("requestId", requestId));
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
			// the backend's own Retry-After, where it sent one, else the configured wait
			Duration wait = (failure instanceof ConvexHttpException refused) ? refused.retryAfter().orElse(this.retryAfter)
					: this.retryAfter;
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return response.body(problem);
	}

	/**
	 * Returns the status a failure is answered with.
	 * @param failure the failure
	 * @return the status
	 */
	public HttpStatus status(ConvexException failure) {
		if (failure instanceof ConvexApplicationException) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (failure instanceof ConvexArgumentException) {
			return HttpStatus.BAD_REQUEST;
		}
		int upstream = failure.httpStatus().orElse(0);
		if (failure instanceof ConvexAuthenticationException) {
			// no status: there were no credentials to send, because their provider failed
			return (upstream == 401) ? HttpStatus.UNAUTHORIZED
					: (upstream == 403) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY;
		}
		if (failure instanceof ConvexHttpException) {
			return (upstream == 429) ? HttpStatus.TOO_MANY_REQUESTS
					: (upstream == 503) ? HttpStatus.SERVICE_UNAVAILABLE
							: (upstream == 408) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		}
		if (failure instanceof ConvexTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (failure instanceof ConvexCancelledException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		// a transport failure, a function failing otherwise, a result that does not fit
		return HttpStatus.BAD_GATEWAY;
	}

	private static String detail(ConvexException failure, HttpStatus status) {
		if (failure instanceof ConvexApplicationException || failure instanceof ConvexArgumentException) {
			// the application's own error data, or what is wrong with the caller's input
			return Objects.requireNonNullElse(failure.getMessage(), status.getReasonPhrase());
		}
		String function = "Convex " + failure.functionKind().label().toLowerCase() + " " + failure.functionPath();
		if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
			return function + " refused the credentials" + code(failure);
		}
		if (status == HttpStatus.TOO_MANY_REQUESTS) {
			return function + " was rate limited" + code(failure) + "; try again later";
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			return function + " is not available now" + code(failure) + "; try again later";
		}
		if (status == HttpStatus.GATEWAY_TIMEOUT) {
			return function + " did not answer in time";
		}
		return function + " failed" + code(failure);
	}

	private static String code(ConvexException failure) {
		return failure.code().map((code) -> " (" + code + ")").orElse("");
	}

}
