package io.convexspring.test.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;

/**
 * Runs one function call and turns whatever happened into an {@link Outcome}, with failures
 * worded as the backend words them, so that clients parse and show them exactly like real ones.
 */
final class FunctionRunner {

	private final FunctionRegistry registry;

	private final ConvexCodec codec;

	FunctionRunner(FunctionRegistry registry, ConvexCodec codec) {
		this.registry = registry;
		this.codec = codec;
	}

	ConvexCodec codec() {
		return this.codec;
	}

	Outcome run(FunctionKind requested, String path, JsonNode args, Identity identity) {
		// Every failure names a fresh request id, as the backend does, so users can quote it.
		String serverError = "[Request ID: " + requestId() + "] Server Error\n";
		Optional<FunctionRegistry.Registered> function = this.registry.find(path, requested);
		if (function.isEmpty()) {
			return new Outcome.Failure(serverError + "Could not find public function for '" + path
					+ "'. Did you forget to run `npx convex dev` or `npx convex deploy`?", null, List.of());
		}
		FunctionKind defined = function.get().kind();
		if (defined != requested) {
			return new Outcome.Failure(serverError + "Trying to execute " + path + " as " + requested.label()
					+ ", but it is defined as " + defined.label() + ".", null, List.of());
		}
		FunctionCall call = new FunctionCall(path, requested, args, identity, this.codec);
		try {
			@Nullable Object value = function.get().handler().handle(call);
			return new Outcome.Success(this.codec.toWireJson(value), call.logLines());
		}
		catch (ConvexErrorException ex) {
			return convexError(serverError, ex.data(), call.logLines());
		}
		catch (ArgumentValidationException ex) {
			return new Outcome.Failure(serverError + "ArgumentValidationError: " + ex.getMessage(), null,
					call.logLines());
		}
		catch (RequestRefusedException ex) {
			return new Outcome.Refused(ex);
		}
		catch (ConnectionDroppedException ex) {
			return new Outcome.Dropped();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				// The deployment is shutting down; keep the flag for the worker pool.
				Thread.currentThread().interrupt();
			}
			// A made-up but stable stack frame: real messages carry one, and clients must cope.
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			return new Outcome.Failure(serverError + "Uncaught Error: " + message + "\n    at handler (../convex/"
					+ FunctionPaths.module(path) + ".ts:12:9)", null, call.logLines());
		}
	}

	private Outcome convexError(String serverError, @Nullable Object data, List<String> logLines) {
		String dataJson;
		try {
			dataJson = this.codec.toWireJson(data);
		}
		catch (ConvexValueException ex) {
			return new Outcome.Failure(serverError + "Uncaught Error: ConvexError data cannot be encoded: "
					+ ex.getMessage(), null, logLines);
		}
		// As the JS runtime prints it: a string as is, other data as its JSON.
		String shown = (data instanceof String text) ? text : dataJson;
		return new Outcome.Failure(serverError + "Uncaught ConvexError: " + shown, dataJson, logLines);
	}

	private static String requestId() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).substring(0, 16);
	}

}
