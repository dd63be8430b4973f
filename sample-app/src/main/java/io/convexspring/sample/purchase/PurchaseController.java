package io.convexspring.sample.purchase;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Orders;
import io.convexspring.sample.api.Payments;
import io.convexspring.sample.api.Tables;

/**
 * {@code POST /api/purchases}: charges the card with the {@code payments:charge} action, then
 * records the order with the {@code orders:save} mutation. An action cannot be part of a
 * transaction, so the two steps are separate: a declined card saves nothing, and should the
 * save fail after the charge, the charge id (indexed in the schema) lets a retry find it.
 * {@code GET /api/orders}: the newest orders, from the {@code orders:list} query.
 */
@RestController
class PurchaseController {

	private final ConvexActionClient actions;

	private final ConvexMutationClient mutations;

	private final ConvexQueryClient queries;

	PurchaseController(ConvexActionClient actions, ConvexMutationClient mutations, ConvexQueryClient queries) {
		this.actions = actions;
		this.mutations = mutations;
		this.queries = queries;
	}

	@GetMapping("/api/products")
	List<Catalog.Product> products() {
		return Catalog.PRODUCTS;
	}

	@PostMapping("/api/purchases")
	Purchase purchase(@Valid @RequestBody PurchaseRequest request) {
		Catalog.Product product = Catalog.find(request.sku())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown product: " + request.sku()));
		long amountCents = product.unitAmountCents() * request.quantity();
		Payments.ChargeResult charge = this.actions.executeBlocking(Api.payments.charge,
				new Payments.ChargeArgs(amountCents, Catalog.CURRENCY, request.cardToken()));
		Orders.SaveArgs order = new Orders.SaveArgs(charge.chargeId(), charge.amountCents(), charge.currency(),
				List.of(new Tables.Orders.Item(product.sku(), request.quantity())));
		return new Purchase(this.mutations.executeBlocking(Api.orders.save, order), charge);
	}

	@GetMapping("/api/orders")
	List<Tables.Orders> orders(@RequestParam(defaultValue = "10") @Min(0) @Max(100) int limit) {
		return this.queries.executeBlocking(Api.orders.list, new Orders.ListArgs((long) limit));
	}

}
