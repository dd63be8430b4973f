package io.convexspring.test;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.codec.Int64;

/** The functions and records the stub's tests call. */
final class Fixtures {

	record SendEmail(String to, String subject) {
	}

	record EmailReceipt(String id, String status) {
	}

	record OrderItem(String sku, @Int64 long quantity) {
	}

	record LooseItem(String sku, long quantity) {
	}

	record ListOrders(int limit) {
	}

	record Decline(String code, String message) {
	}

	static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ConvexAction.of("emails:send", SendEmail.class,
			EmailReceipt.class);

	static final ConvexMutation<OrderItem, String> SAVE_ITEM = ConvexMutation.of("orders:saveItem", OrderItem.class,
			String.class);

	static final ConvexMutation<LooseItem, String> SAVE_LOOSE_ITEM = ConvexMutation.of("orders:saveItem",
			LooseItem.class, String.class);

	static final ConvexQuery<ListOrders, List<String>> LIST_ORDERS = ConvexQuery.of("orders:list", ListOrders.class,
			new ParameterizedTypeReference<List<String>>() {
			});

	private Fixtures() {
	}

}
