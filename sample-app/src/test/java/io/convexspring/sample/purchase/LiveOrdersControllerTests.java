package io.convexspring.sample.purchase;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;
import io.convexspring.sample.SampleHttp.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/orders/live}: the current orders first, newest first, then the list again when
 * a purchase in another session saves an order, to every stream open.
 */
@SampleAppTest
class LiveOrdersControllerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void streamsTheCurrentOrdersThenEachChangeToEveryViewer() {
		this.http.postJson("/api/purchases", "{\"sku\":\"A-1\",\"quantity\":1,\"cardToken\":\"tok_visa\"}");
		JsonNode current = this.http.get("/api/orders?limit=3").getBody();
		try (EventStream first = this.http.events("/api/orders/live?limit=3");
				EventStream second = new SampleHttp(this.port).events("/api/orders/live?limit=3")) {
			assertThat(first.next(WAIT)).as("the current orders first").isEqualTo(current);
			assertThat(second.next(WAIT)).isEqualTo(current);

			JsonNode purchase = new SampleHttp(this.port)
				.postJson("/api/purchases", "{\"sku\":\"B-2\",\"quantity\":4,\"cardToken\":\"tok_visa\"}")
				.getBody();
			String orderId = purchase.get("orderId").stringValue();
			for (EventStream viewer : new EventStream[] { first, second }) {
				JsonNode orders = viewer.next(WAIT);
				assertThat(orders).hasSize(Math.min(3, current.size() + 1));
				assertThat(orders.get(0).get("_id").stringValue()).as("the new order, newest first").isEqualTo(orderId);
				assertThat(orders.get(0).get("items").get(0).get("quantity").longValue()).isEqualTo(4);
				assertThat(orders.get(1)).isEqualTo(current.get(0));
			}
		}
	}

}
