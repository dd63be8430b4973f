package com.example.app;

import java.util.List;

import com.example.api.Api;
import com.example.api.Emails;
import com.example.api.InternalApi;
import com.example.api.Tables;
import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.codec.Id;

/** Uses the generated API the way an application does: it compiles only if the types line up. */
public final class Orders {

	public static final ConvexAction<Emails.SendArgs, Emails.SendResult> SEND = Api.emails.send;

	public static final ConvexQuery<com.example.api.Orders.ListArgs, List<Tables.Orders>> LIST = Api.orders.list;

	public static final ConvexMutation<Void, Double> PURGE = InternalApi.orders.purge;

	public static com.example.api.Orders.SaveArgs save(String chargeId, List<Tables.Orders.Item> items) {
		return new com.example.api.Orders.SaveArgs(chargeId, 1999, items);
	}

	/** Compiles only if the type override made the timestamp a {@code long}. */
	public static long sentAt(Emails.SendResult receipt) {
		return receipt.sentAt();
	}

	public static long amountCents(Tables.Orders order) {
		return order.amountCents();
	}

	public static Id<Tables.Orders> firstId(List<Tables.Orders> orders) {
		return orders.get(0).id();
	}

	private Orders() {
	}

}
