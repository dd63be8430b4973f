package io.convexspring.test.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.FunctionKind;

/**
 * {@code POST /api/query|mutation|action}: a request that fails the {@link RequestChecks} gets
 * its own status and {@code {code, message}} body; a well-formed one runs on a worker thread, and
 * its outcome, success or failure, goes back as 200 in the protocol's envelope.
 */
final class HttpFunctionApi {

	/** The backend accepts 16 MiB of arguments plus room for the envelope. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024 + 2000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Backend backend;

	private final Scheduler workers;

	HttpFunctionApi(Backend backend, Scheduler workers) {
		this.backend = backend;
		this.workers = workers;
	}

	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String endpoint = String.valueOf(request.param("kind"));
		Optional<FunctionKind> kind = Arrays.stream(FunctionKind.values())
			.filter((candidate) -> candidate.endpoint().equals("/api/" + endpoint))
			.findFirst();
		if (kind.isEmpty()) {
			return send(response, Reply.refused(new RequestRefusedException(404, "NotFound",
					"No such route: " + request.uri())));
		}
		HttpHeaders headers = request.requestHeaders();
		return body(request).publishOn(this.workers)
			.map((bytes) -> reply(kind.get(), headers, bytes))
			.onErrorResume(RequestRefusedException.class, (ex) -> Mono.just(Reply.refused(ex)))
			// A bug in a handler's surroundings, not in a handler: answer as the backend does.
			.onErrorResume(RuntimeException.class, (ex) -> Mono.just(Reply.refused(
					new RequestRefusedException(500, "InternalServerError", String.valueOf(ex)))))
			.flatMap((reply) -> send(response, reply));
	}

	/** Any other method or path under {@code /api/}: refused as the backend's router does. */
	static Mono<Void> notFound(HttpServerRequest request, HttpServerResponse response) {
		boolean functionEndpoint = Arrays.stream(FunctionKind.values())
			.anyMatch((kind) -> kind.endpoint().equals(request.path().isEmpty() ? "" : "/" + request.path()));
		RequestRefusedException refusal = functionEndpoint
				? new RequestRefusedException(405, "MethodNotAllowed", "Use POST for " + request.uri())
				: new RequestRefusedException(404, "NotFound", "No such route: " + request.uri());
		return send(response, Reply.refused(refusal));
	}

	private Reply reply(FunctionKind kind, HttpHeaders headers, byte[] bytes) {
		RequestChecks.headers(headers);
		Identity identity = RequestChecks.identity(headers.get("Authorization"));
		if (identity.kind() != Identity.Kind.ANONYMOUS) {
			this.backend.tokenVerifier().verify(identity);
		}
		JsonNode body = parse(bytes);
		RequestChecks.format(body.get("format"));
		String path = RequestChecks.path(body.get("path"));
		JsonNode args = RequestChecks.args(body.get("args"), this.backend.codec());
		Outcome outcome = switch (kind) {
			case QUERY -> this.backend.query(path, args, identity);
			case MUTATION -> this.backend.mutation(path, args, identity);
			case ACTION -> this.backend.action(path, args, identity);
		};
		if (outcome instanceof Outcome.Refused refused) {
			return Reply.refused(refused.refusal());
		}
		if (outcome instanceof Outcome.Dropped) {
			return new Reply(0, null);
		}
		return new Reply(200, Envelopes.functionResponse(outcome));
	}

	private static JsonNode parse(byte[] bytes) {
		JsonNode body;
		try {
			body = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new RequestRefusedException(400, "BadJsonBody",
					"Failed to parse the body as JSON: " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject()) {
			throw new RequestRefusedException(400, "BadJsonBody", "The request body must be a JSON object");
		}
		return body;
	}

	private static Mono<byte[]> body(HttpServerRequest request) {
		return request.receive().asByteArray().collect(ByteArrayOutputStream::new, (out, chunk) -> {
			if (out.size() + chunk.length > MAX_BODY_BYTES) {
				throw new RequestRefusedException(413, "PayloadTooLarge",
						"The request body exceeds " + MAX_BODY_BYTES + " bytes");
			}
			out.writeBytes(chunk);
		}).map(ByteArrayOutputStream::toByteArray);
	}

	private static Mono<Void> send(HttpServerResponse response, Reply reply) {
		if (reply.body() == null) {
			// A dropped connection: no status line, no body, the socket just closes.
			return Mono.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close()));
		}
		return response.status(reply.status())
			.header("Content-Type", "application/json")
			.sendByteArray(Mono.just(reply.body().getBytes(StandardCharsets.UTF_8)))
			.then();
	}

	/**
	 * What to answer.
	 * @param status the HTTP status
	 * @param body the JSON body; {@code null} to drop the connection instead
	 */
	private record Reply(int status, @Nullable String body) {

		static Reply refused(RequestRefusedException refusal) {
			return new Reply(refusal.status(), Envelopes.refusal(refusal.code(), refusal.getMessage()));
		}

	}

}
