package io.convexspring.test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.convexspring.test.ConvexStubResponses.withValue;
import static io.convexspring.test.ExpectedCalls.manyTimes;
import static io.convexspring.test.Fixtures.LIST_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link ConvexStub#push}: a live query's subscriber, on a real sync-protocol socket, gets the
 * new result.
 */
class ConvexStubLiveQueryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConvexStub convex = ConvexStub.start();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final Sinks.Many<String> toServer = Sinks.many().unicast().onBackpressureBuffer();

	private Disposable socket = () -> {
	};

	@AfterEach
	void stop() {
		this.socket.dispose();
		this.convex.close();
	}

	@Test
	void aPushedResultReachesTheQuerysSubscribers() {
		this.convex.expect(LIST_ORDERS, manyTimes()).andRespond(withValue(List.of("order_1")));
		subscribe("orders:list", "{\"limit\": 5}");
		assertThat(nextQueryValue()).isEqualTo(JSON.readTree("[\"order_1\"]"));

		this.convex.push(LIST_ORDERS, List.of("order_2", "order_1"));

		assertThat(nextQueryValue()).isEqualTo(JSON.readTree("[\"order_2\", \"order_1\"]"));
		assertThat(this.convex.calls(LIST_ORDERS)).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((call) -> assertThat(call.args().get("limit").intValue()).isEqualTo(5));
		this.convex.verify();
	}

	@Test
	void aQueryMustBeExpectedBeforeItsResultIsPushed() {
		assertThatIllegalStateException().isThrownBy(() -> this.convex.push(LIST_ORDERS, List.of()))
			.withMessageContaining("Query orders:list is not expected");
	}

	private void subscribe(String path, String args) {
		this.socket = HttpClient.create()
			.websocket()
			.uri(this.convex.url().replace("http://", "ws://") + "/api/sync")
			.handle((in, out) -> Mono.when(out.sendString(this.toServer.asFlux()).then(),
					in.receive().asString().doOnNext((text) -> this.received.add(JSON.readTree(text))).then()))
			.subscribe();
		this.toServer.tryEmitNext("{\"type\":\"Connect\",\"sessionId\":\"" + UUID.randomUUID()
				+ "\",\"connectionCount\":0,\"lastCloseReason\":\"InitialConnect\"}");
		this.toServer.tryEmitNext("{\"type\":\"ModifyQuerySet\",\"baseVersion\":0,\"newVersion\":1,\"modifications\":"
				+ "[{\"type\":\"Add\",\"queryId\":0,\"udfPath\":\"" + path + "\",\"args\":[" + args + "]}]}");
	}

	/** The value of the next Transition that updates query 0, skipping pings and empty ones. */
	private JsonNode nextQueryValue() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode message;
			try {
				message = this.received.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (message == null || !"Transition".equals(message.path("type").asString())) {
				continue;
			}
			for (JsonNode modification : message.path("modifications")) {
				if ("QueryUpdated".equals(modification.path("type").asString())
						&& modification.path("queryId").intValue() == 0) {
					return modification.get("value");
				}
			}
		}
		return fail("No Transition updating the query within 20 s; received " + this.received);
	}

}
