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
import io.convexspring.sample.ConvexFunctions;

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
		ChargeReceipt charge = this.actions.executeBlocking(ConvexFunctions.CHARGE,
				new Charge(amountCents, Catalog.CURRENCY, request.cardToken()));
		SaveOrder order = new SaveOrder(charge.chargeId(), charge.amountCents(), charge.currency(),
				List.of(new OrderItem(product.sku(), request.quantity())));
		return new Purchase(this.mutations.executeBlocking(ConvexFunctions.SAVE_ORDER, order), charge);
	}

	@GetMapping("/api/orders")
	List<Order> orders(@RequestParam(defaultValue = "10") @Min(0) @Max(100) int limit) {
		return this.queries.executeBlocking(ConvexFunctions.LIST_ORDERS, new ListOrders(limit));
	}

}
