package io.convexspring.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal sync-protocol server on 127.0.0.1 for the live benchmarks: every query added gets
 * the current count as its result, and every mutation adds one to the count, answers with its
 * commit timestamp, then sends every query the new count in one Transition, as Convex does.
 * One socket at a time; each socket's frames are handled in order on its event loop.
 */
public final class LoopbackSyncServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DisposableServer server;

	/** Starts the server on a free port. */
	public LoopbackSyncServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.ws("/api/sync", (in, out) -> {
				Session session = new Session();
				Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
				Mono<Void> receive = in.aggregateFrames(64 * 1024 * 1024)
					.receive()
					.asString()
					.doOnNext((text) -> session.handle(text).forEach(frames::tryEmitNext))
					.then()
					.doFinally((signal) -> frames.tryEmitComplete());
				return Mono.when(out.sendString(frames.asFlux()).then(), receive);
			}, WebsocketServerSpec.builder().maxFramePayloadLength(64 * 1024 * 1024).build()))
			.bindNow();
	}

	/**
	 * Returns the deployment URL to give a client.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private static String ts(long ts) {
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(ts).array());
	}

	/** One socket's protocol state, as the server keeps it. */
	private static final class Session {

		private final List<Integer> queries = new ArrayList<>();

		private int querySet;

		private long ts = 1;

		private long count;

		private String sent = version(0, 0);

		List<String> handle(String text) {
			JsonNode frame = JSON.readTree(text);
			switch (frame.path("type").asString()) {
				case "ModifyQuerySet" -> {
					this.querySet = frame.get("newVersion").asInt();
					StringBuilder updates = new StringBuilder();
					for (JsonNode modification : frame.get("modifications")) {
						int queryId = modification.get("queryId").asInt();
						if (modification.get("type").asString().equals("Add")) {
							this.queries.add(queryId);
							append(updates, queryId);
						}
						else {
							this.queries.remove(Integer.valueOf(queryId));
						}
					}
					return List.of(transition(updates));
				}
				case "Mutation" -> {
					this.count++;
					this.ts++;
					String response = "{\"type\":\"MutationResponse\",\"requestId\":" + frame.get("requestId").asInt()
							+ ",\"success\":true,\"result\":{\"$integer\":\"" + ts(this.count) + "\"},\"ts\":\""
							+ ts(this.ts) + "\",\"logLines\":[]}";
					StringBuilder updates = new StringBuilder();
					for (int queryId : this.queries) {
						append(updates, queryId);
					}
					return List.of(response, transition(updates));
				}
				default -> {
					return List.of();
				}
			}
		}

		private void append(StringBuilder updates, int queryId) {
			if (!updates.isEmpty()) {
				updates.append(',');
			}
			updates.append("{\"type\":\"QueryUpdated\",\"queryId\":")
				.append(queryId)
				.append(",\"value\":{\"$integer\":\"")
				.append(ts(this.count))
				.append("\"},\"logLines\":[],\"journal\":null}");
		}

		private String transition(StringBuilder updates) {
			String end = version(this.querySet, this.ts);
			String frame = "{\"type\":\"Transition\",\"startVersion\":" + this.sent + ",\"endVersion\":" + end
					+ ",\"modifications\":[" + updates + "]}";
			this.sent = end;
			return frame;
		}

		private static String version(int querySet, long ts) {
			return "{\"querySet\":" + querySet + ",\"identity\":0,\"ts\":\"" + ts(ts) + "\"}";
		}

	}

}
