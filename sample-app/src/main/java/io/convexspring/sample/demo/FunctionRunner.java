package io.convexspring.sample.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one function call and turns whatever happened into the protocol's
 * {@code {"status": "success" | "error", ...}} body, with the error messages worded as the real
 * backend words them, so that clients parse and show demo failures exactly like real ones.
 */
final class FunctionRunner {

	private final FunctionRegistry registry;

	FunctionRunner(FunctionRegistry registry) {
		this.registry = registry;
	}

	ObjectNode run(FunctionKind requested, FunctionPath path, Map<String, @Nullable Object> args) {
		// Every failure names a fresh request id, as the backend does, so users can quote it.
		String serverError = "[Request ID: " + DemoIds.hex(16) + "] Server Error\n";
		Optional<FunctionRegistry.Registered> function = this.registry.find(path);
		if (function.isEmpty()) {
			return failure(serverError + "Could not find public function for '" + path
					+ "'. Did you forget to run `npx convex dev` or `npx convex deploy`?", List.of());
		}
		FunctionKind defined = function.get().kind();
		if (defined != requested) {
			return failure(serverError + "Trying to execute " + path + " as " + requested.displayName()
					+ ", but it is defined as " + defined.displayName() + ".", List.of());
		}
		LogLines logs = new LogLines();
		try {
			@Nullable Object value = function.get().handler().handle(new Args(args), logs);
			return withLogLines(body("success").set("value", ConvexValues.encode(value)), logs.lines());
		}
		catch (ConvexErrorException ex) {
			@Nullable Object data = ex.data();
			String shown = (data instanceof String text) ? text : ConvexValues.render(data);
			ObjectNode body = body("error").put("errorMessage", serverError + "Uncaught ConvexError: " + shown);
			return withLogLines(body.set("errorData", ConvexValues.encode(data)), logs.lines());
		}
		catch (ArgumentValidationException ex) {
			return failure(serverError + "ArgumentValidationError: " + ex.getMessage(), logs.lines());
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				// The backend is shutting down; keep the flag for the executor.
				Thread.currentThread().interrupt();
			}
			// A made-up but stable stack frame: real messages carry one, and clients must cope.
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			return failure(serverError + "Uncaught Error: " + message + "\n    at handler (../convex/" + path.module()
					+ ".ts:12:9)", logs.lines());
		}
	}

	private static ObjectNode failure(String errorMessage, List<String> logLines) {
		return withLogLines(body("error").put("errorMessage", errorMessage), logLines);
	}

	private static ObjectNode body(String status) {
		return JsonNodeFactory.instance.objectNode().put("status", status);
	}

	private static ObjectNode withLogLines(ObjectNode body, List<String> logLines) {
		// The backend leaves logLines out when a call logged nothing.
		if (!logLines.isEmpty()) {
			logLines.forEach(body.putArray("logLines")::add);
		}
		return body;
	}

}
