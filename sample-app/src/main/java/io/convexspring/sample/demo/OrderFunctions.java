package io.convexspring.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ConvexInt64;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code orders:save} (a mutation) and {@code orders:list} (a query) over the {@link OrderStore}:
 * the database side of the checkout flow, after {@code payments:charge} has succeeded.
 */
final class OrderFunctions {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	private final OrderStore store;

	private OrderFunctions(OrderStore store) {
		this.store = store;
	}

	static void registerTo(LocalConvexDeployment.Builder deployment, OrderStore store) {
		OrderFunctions orders = new OrderFunctions(store);
		deployment.mutation("orders:save", (call) -> orders.save(Args.of(call)));
		deployment.query("orders:list", (call) -> orders.list(Args.of(call)));
	}

	private String save(Args args) {
		args.allowOnly("chargeId", "amountCents", "currency", "items");
		String chargeId = args.string("chargeId");
		double amountCents = args.number("amountCents");
		String currency = args.string("currency");
		List<Map<String, @Nullable Object>> items = new ArrayList<>();
		for (Args item : args.objects("items")) {
			item.allowOnly("sku", "quantity");
			items.add(ConvexValues.object("sku", item.string("sku"), "quantity", ConvexInt64.of(item.int64("quantity"))));
		}
		return this.store.insert(ConvexValues.object("chargeId", chargeId, "amountCents", amountCents,
				"currency", currency, "items", List.copyOf(items), "status", "paid"));
	}

	/** As {@code orders.ts}: no or a non-finite limit means 20; others are floored into 0 to 100. */
	private List<Map<String, @Nullable Object>> list(Args args) {
		args.allowOnly("limit");
		double limit = args.optionalNumber("limit").orElse(Double.NaN);
		double count = Double.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT;
		return this.store.newest((int) Math.min(Math.max(count, 0), MAX_LIMIT));
	}

}
