package io.convexspring.web;

import java.util.Objects;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.convexspring.client.ConvexException;

/**
 * Answers a {@link ConvexException} that escapes a controller, in Spring MVC and WebFlux
 * alike, with the problem detail {@link ConvexProblemDetails} describes. Ordered last, so that
 * an application's own handlers of Convex failures come first. Registered by
 * {@code convex.web.problem-details.enabled=true}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConvexExceptionHandler {

	private final ConvexProblemDetails problemDetails;

	/**
	 * Creates the handler.
	 * @param problemDetails how failures are described
	 */
	public ConvexExceptionHandler(ConvexProblemDetails problemDetails) {
		this.problemDetails = Objects.requireNonNull(problemDetails, "problemDetails must not be null");
	}

	/**
	 * Answers a failed call.
	 * @param failure the failure
	 * @return the problem detail response
	 */
	@ExceptionHandler(ConvexException.class)
	public ResponseEntity<ProblemDetail> handle(ConvexException failure) {
		return this.problemDetails.response(failure);
	}

}
