package io.convexspring.sample.purchase;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveServerSentEvents;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Orders;
import io.convexspring.sample.api.Tables;

/**
 * {@code GET /api/orders/live}: the {@code orders:list} query as server-sent events, over the
 * live client's one WebSocket to the deployment: first the current orders (newest first), then
 * the whole list again each time a mutation changes it, so an order paid in one browser tab
 * appears in every other at once. Heartbeat comments in between let the servlet container
 * notice a tab that went away, which ends its subscription.
 */
@RestController
class LiveOrdersController {

	private final ConvexLiveClient live;

	private final ConvexLiveServerSentEvents sse;

	LiveOrdersController(ConvexLiveClient live, ConvexLiveServerSentEvents sse) {
		this.live = live;
		this.sse = sse;
	}

	@GetMapping(path = "/api/orders/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<List<Tables.Orders>>> orders(@RequestParam(defaultValue = "10") @Min(0) @Max(100) int limit) {
		return this.sse.events(this.live.subscribe(Api.orders.list, new Orders.ListArgs((long) limit)), "orders");
	}

}
