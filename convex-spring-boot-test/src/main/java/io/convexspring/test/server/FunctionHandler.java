package io.convexspring.test.server;

import org.jspecify.annotations.Nullable;

/**
 * The body of a Java function served by a {@link LocalConvexDeployment}: reads its arguments
 * from the {@link FunctionCall}, may log through it, and returns the result, which the
 * deployment encodes with the project's {@link io.convexspring.codec.ConvexCodec} (records,
 * maps, lists, {@code JsonNode} trees, {@link io.convexspring.codec.ConvexInt64} and so on;
 * {@code null} is Convex {@code null}).
 *
 * <p>Handlers run on the deployment's worker threads, never on a network event loop, so they
 * may block (a test may sleep in one to play a slow function). What a handler throws decides the
 * failure the client sees:
 * <ul>
 * <li>{@link ConvexErrorException}: the function threw a {@code ConvexError}; its data reaches
 * the client as {@code errorData};</li>
 * <li>{@link ArgumentValidationException}: the arguments do not match the validator;</li>
 * <li>{@link RequestRefusedException}: the request is refused before the function runs (an HTTP
 * status with {@code {code, message}});</li>
 * <li>{@link ConnectionDroppedException}: the connection is closed without an answer;</li>
 * <li>anything else: an uncaught error, reported with its message.</li>
 * </ul>
 */
@FunctionalInterface
public interface FunctionHandler {

	/**
	 * Runs the function.
	 * @param call the call: arguments, identity, log
	 * @return the result; {@code null} for Convex {@code null}
	 * @throws Exception to fail the call, as described above
	 */
	@Nullable Object handle(FunctionCall call) throws Exception;

}
