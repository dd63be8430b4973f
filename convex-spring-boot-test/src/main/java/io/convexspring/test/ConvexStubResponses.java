package io.convexspring.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;

import io.convexspring.test.server.ArgumentValidationException;
import io.convexspring.test.server.ConnectionDroppedException;
import io.convexspring.test.server.ConvexErrorException;
import io.convexspring.test.server.FunctionHandler;
import io.convexspring.test.server.RequestRefusedException;

/**
 * The answers a {@link ConvexStub} can give, each as the real backend gives it over the wire,
 * so the client under test sees what it would see in production:
 *
 * <pre class="code">
 * convex.expect(SEND_EMAIL).andRespond(withValue(new EmailReceipt("msg_1", "sent", 0)));
 * convex.expect(CHARGE_CARD).andRespond(withConvexError(Map.of("code", "CARD_DECLINED")));
 * convex.expect(SEND_EMAIL).andRespond(withTooManyRequests().after(Duration.ofSeconds(1)));
 * </pre>
 */
public final class ConvexStubResponses {

	private ConvexStubResponses() {
	}

	/**
	 * The function returns a value, encoded as the backend encodes results (records, maps, lists,
	 * {@code JsonNode} trees, {@code ConvexInt64}, {@code @Int64} fields).
	 * @param value the result; {@code null} for a Convex {@code null}
	 * @return the response
	 */
	public static ConvexStubResponse withValue(@Nullable Object value) {
		return new ConvexStubResponse("the value " + value, (call, codec) -> tree(codec, value));
	}

	/**
	 * The function returns {@code null}.
	 * @return the response
	 */
	public static ConvexStubResponse withNull() {
		return withValue(null);
	}

	/**
	 * The function throws {@code new ConvexError(data)}: the client sees a
	 * {@code ConvexApplicationException} with the data, its {@code code()} from a {@code code}
	 * field.
	 * @param data the error's data: a string, a record, a map …
	 * @return the response
	 */
	public static ConvexStubResponse withConvexError(Object data) {
		Objects.requireNonNull(data, "data must not be null");
		return new ConvexStubResponse("a ConvexError with " + data, (call, codec) -> {
			throw new ConvexErrorException(tree(codec, data));
		});
	}

	/**
	 * The function fails with an uncaught error: the client sees a
	 * {@code ConvexFunctionFailedException} whose message has {@code Uncaught Error: <message>}.
	 * @param message the error's message
	 * @return the response
	 */
	public static ConvexStubResponse withFunctionFailure(String message) {
		Objects.requireNonNull(message, "message must not be null");
		return new ConvexStubResponse("a function failure (" + message + ")", (call, codec) -> {
			throw new StubFunctionError(message);
		});
	}

	/**
	 * The arguments do not match the function's validator: the client sees a
	 * {@code ConvexFunctionFailedException} with {@code ArgumentValidationError: <message>}.
	 * @param message what does not match, e.g. {@code Value does not match validator.}
	 * @return the response
	 */
	public static ConvexStubResponse withArgumentValidationError(String message) {
		Objects.requireNonNull(message, "message must not be null");
		return new ConvexStubResponse("an argument validation error (" + message + ")", (call, codec) -> {
			throw new ArgumentValidationException(message);
		});
	}

	/**
	 * The backend refuses the request before running the function, with an HTTP status and its
	 * {@code {code, message}} body: the client sees a {@code ConvexHttpException} (a
	 * {@code ConvexAuthenticationException} for 401 and 403) with that status and code.
	 * @param status the status, 400 to 599
	 * @param code the backend's code, e.g. {@code TooManyConcurrentRequests}
	 * @param message the message
	 * @return the response
	 */
	public static ConvexStubResponse withRefusal(int status, String code, String message) {
		RequestRefusedException refusal = new RequestRefusedException(status, code, message);
		return new ConvexStubResponse("a refusal (" + status + " " + code + ")", (call, codec) -> {
			throw new RequestRefusedException(refusal.status(), refusal.code(), message);
		});
	}

	/**
	 * 429 {@code TooManyConcurrentRequests}, as a deployment over its concurrency limit answers.
	 * @return the response
	 */
	public static ConvexStubResponse withTooManyRequests() {
		return withRefusal(429, "TooManyConcurrentRequests", "Too many concurrent requests, backoff and try again.");
	}

	/**
	 * 503 {@code Busy}, as an overloaded deployment answers.
	 * @return the response
	 */
	public static ConvexStubResponse withServiceUnavailable() {
		return withRefusal(503, "Busy", "The deployment is busy, try again later.");
	}

	/**
	 * 401 with a code: the token or deploy key was refused.
	 * @param code e.g. {@code TokenExpired}, {@code InvalidAuthHeader}, {@code BadDeployKey}
	 * @return the response
	 */
	public static ConvexStubResponse withUnauthenticated(String code) {
		return withRefusal(401, code, "Could not verify the credentials: " + code);
	}

	/**
	 * The connection is closed without an answer, as a network failure would: the client sees a
	 * {@code ConvexTransportException}.
	 * @return the response
	 */
	public static ConvexStubResponse withDroppedConnection() {
		return new ConvexStubResponse("a dropped connection", (call, codec) -> {
			throw new ConnectionDroppedException();
		});
	}

	/**
	 * Answers with what a handler computes from the call (its arguments, identity, log), and
	 * fails as the handler's exception says (see {@link FunctionHandler}).
	 * @param handler the handler
	 * @return the response
	 */
	public static ConvexStubResponse withAnswer(FunctionHandler handler) {
		Objects.requireNonNull(handler, "handler must not be null");
		return new ConvexStubResponse("an answer from " + handler, (call, codec) -> tree(codec, handler.handle(call)));
	}

	/**
	 * Encodes a value with the app's codec (its naming strategy, modules) into the lossless tree,
	 * which the deployment writes back unchanged.
	 */
	private static @Nullable Object tree(ConvexCodec codec, @Nullable Object value) {
		return (value == null || value instanceof JsonNode) ? value : codec.treeFromWireJson(codec.toWireJson(value));
	}

	/** An uncaught error of a stubbed function; its message is what the client sees. */
	static final class StubFunctionError extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StubFunctionError(String message) {
			super(message, null, false, false);
		}

	}

}
