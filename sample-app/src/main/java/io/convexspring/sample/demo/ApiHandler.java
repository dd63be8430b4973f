package io.convexspring.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP face of {@code POST /api/action|mutation|query}: a request that fails the
 * {@link RequestChecks} gets its own status and {@code {code, message}} body; a well-formed one
 * runs through the {@link FunctionRunner}, whose outcome, success or failure, goes back as 200.
 */
final class ApiHandler implements HttpHandler {

	/** The backend accepts 16 MiB of arguments plus room for the envelope. */
	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024 + 2000;

	private final JsonMapper json;

	private final FunctionRunner runner;

	ApiHandler(JsonMapper json, FunctionRunner runner) {
		this.json = json;
		this.runner = runner;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			FunctionKind kind = kind(exchange);
			RequestChecks.headers(exchange.getRequestHeaders());
			JsonNode body = readBody(exchange.getRequestBody());
			RequestChecks.format(body.get("format"));
			FunctionPath path = RequestChecks.path(body.get("path"));
			Map<String, @Nullable Object> args = RequestChecks.args(body.get("args"));
			send(exchange, 200, this.runner.run(kind, path, args));
		}
		catch (RequestRejectedException ex) {
			sendError(exchange, ex.status(), ex.code(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A bug in the demo itself: answer as the backend does rather than drop the connection.
			sendError(exchange, 500, "InternalServerError", String.valueOf(ex));
		}
		finally {
			exchange.close();
		}
	}

	private static FunctionKind kind(HttpExchange exchange) {
		String endpoint = exchange.getRequestURI().getPath().substring("/api/".length());
		FunctionKind kind = FunctionKind.ofEndpoint(endpoint).orElseThrow(
				() -> new RequestRejectedException(404, "NotFound", "No such route: " + exchange.getRequestURI()));
		if (!"POST".equals(exchange.getRequestMethod())) {
			throw new RequestRejectedException(405, "MethodNotAllowed", "Use POST for /api/" + endpoint);
		}
		return kind;
	}

	private JsonNode readBody(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw new RequestRejectedException(413, "PayloadTooLarge", "The request body exceeds " + MAX_BODY_BYTES + " bytes");
		}
		JsonNode body;
		try {
			body = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new RequestRejectedException(400, "BadJsonBody", "Failed to parse the body as JSON: " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject()) {
			throw new RequestRejectedException(400, "BadJsonBody", "The request body must be a JSON object");
		}
		return body;
	}

	private void sendError(HttpExchange exchange, int status, String code, @Nullable String message) throws IOException {
		send(exchange, status, this.json.createObjectNode().put("code", code).put("message", message));
	}

	private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
