package com.example.demo;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexTimeoutException;

@RestControllerAdvice
class ConvexExceptionHandler {

  // the function threw a ConvexError: the caller's to fix, with the function's own data
  @ExceptionHandler
  ProblemDetail convexError(ConvexApplicationException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e);
    problem.setProperty("data", e.data());
    return problem;
  }

  // arguments that could not be sent exactly (nothing was sent)
  @ExceptionHandler
  ProblemDetail badArguments(ConvexArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, e);
  }

  // the backend refused: overloaded (429, 503) is worth retrying later, the rest is ours to fix
  @ExceptionHandler
  ProblemDetail refused(ConvexHttpException e) {
    int status = e.httpStatus().orElse(502);
    return problem((status == 429 || status == 503) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, e);
  }

  @ExceptionHandler
  ProblemDetail timedOut(ConvexTimeoutException e) {
    return problem(HttpStatus.GATEWAY_TIMEOUT, e);
  }

  // everything else: the function failed, the connection broke, the result did not fit
  @ExceptionHandler
  ProblemDetail failed(ConvexException e) {
    return problem(HttpStatus.BAD_GATEWAY, e);
  }

  private static ProblemDetail problem(HttpStatus status, ConvexException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Convex " + e.functionKind().label().toLowerCase(Locale.ROOT) + " " + e.functionPath() + " failed");
    problem.setProperty("function", e.functionPath());
    e.code().ifPresent(code -> problem.setProperty("code", code));
    return problem;
  }

}
