package io.convexspring.sample.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo backend over the sync protocol: a socket subscribed to {@code orders:list} sees an
 * order saved over HTTP, in the Transition that follows the commit.
 */
class DemoBackendSyncTests {

	@Test
	void orderSavedOverHttpReachesTheSubscribersOfOrdersList() throws Exception {
		try (DemoConvexBackend backend = DemoConvexBackend.start(0, new DemoSettings(Duration.ZERO))) {
			BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
			WebSocket socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(URI.create(backend.url().replace("http://", "ws://") + "/api/sync"), new Listener(received))
				.get(10, TimeUnit.SECONDS);
			try {
				// one send at a time: the JDK WebSocket fails a send made while another is still out
				socket.sendText("{\"type\":\"Connect\",\"sessionId\":\"" + UUID.randomUUID() + "\",\"connectionCount\":0}", true)
					.get(10, TimeUnit.SECONDS);
				socket.sendText("{\"type\":\"ModifyQuerySet\",\"baseVersion\":0,\"newVersion\":1,\"modifications\":"
						+ "[{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"orders:list\",\"args\":[{}]}]}", true)
					.get(10, TimeUnit.SECONDS);
				assertThat(nextTransition(received).get("modifications").get(0).get("value")).isEmpty();

				JsonNode saved = new DemoHttp(backend.url()).call("mutation", "orders:save", Map.of("chargeId", "ch_live",
						"amountCents", 2000, "currency", "usd", "items", List.of()));
				String id = saved.get("value").stringValue();

				JsonNode orders = nextTransition(received).get("modifications").get(0).get("value");
				assertThat(orders).hasSize(1);
				assertThat(orders.get(0).get("_id").stringValue()).isEqualTo(id);
				assertThat(orders.get(0).get("chargeId").stringValue()).isEqualTo("ch_live");
			}
			finally {
				socket.abort();
			}
		}
	}

	private static JsonNode nextTransition(BlockingQueue<JsonNode> received) throws InterruptedException {
		while (true) {
			JsonNode message = received.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a Transition within 10 s").isNotNull();
			if (message.get("type").stringValue().equals("Transition")) {
				return message;
			}
		}
	}

	private static final class Listener implements WebSocket.Listener {

		private final BlockingQueue<JsonNode> received;

		private final StringBuilder text = new StringBuilder();

		Listener(BlockingQueue<JsonNode> received) {
			this.received = received;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				this.received.add(DemoHttp.JSON.readTree(this.text.toString()));
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
