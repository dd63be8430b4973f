package io.convexspring.test.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A sync-protocol peer for the tests, on the JDK's WebSocket client: sends hand-written JSON
 * frames and hands back each server message, so the tests check the wire, not a client library.
 */
final class RawSyncClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final WebSocket socket;

	final String sessionId = UUID.randomUUID().toString();

	private RawSyncClient(String url) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(url), new Listener())
			.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	/** Opens a socket to {@code /api/sync} of the deployment. */
	static RawSyncClient open(LocalConvexDeployment deployment) {
		return open(deployment, "/api/sync");
	}

	/** Opens a socket to a path of the deployment. */
	static RawSyncClient open(LocalConvexDeployment deployment, String path) {
		return new RawSyncClient(deployment.url().replace("http://", "ws://") + path);
	}

	/** Opens a socket and sends {@code Connect}. */
	static RawSyncClient connect(LocalConvexDeployment deployment) {
		RawSyncClient client = open(deployment);
		client.send("{\"type\":\"Connect\",\"sessionId\":\"" + client.sessionId
				+ "\",\"connectionCount\":0,\"lastCloseReason\":\"InitialConnect\"}");
		return client;
	}

	void send(String json) {
		this.socket.sendText(json, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	/** The next message, skipping Pings. */
	JsonNode next() {
		return next((message) -> !message.get("type").stringValue().equals("Ping"));
	}

	/** The next message that matches, skipping others. */
	JsonNode next(Predicate<JsonNode> wanted) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				JsonNode message = this.messages.poll(100, TimeUnit.MILLISECONDS);
				if (message != null && wanted.test(message)) {
					return message;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return fail("no matching message within " + TIMEOUT);
	}

	/** The next message of a type, skipping Pings; fails on any other. */
	JsonNode next(String type) {
		JsonNode message = next();
		assertThat(message.get("type").stringValue()).as("%s", message).isEqualTo(type);
		return message;
	}

	/** The close code the server sent (1005 for a close frame without status, 1006 for none). */
	int closeCode() {
		return this.closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				RawSyncClient.this.messages.add(JSON.readTree(this.text.toString()));
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			RawSyncClient.this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			RawSyncClient.this.closeCode.complete(1006);
		}

	}

}
