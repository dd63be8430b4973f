package io.convexspring.sample.docs.context;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;

/**
 * The function references the docs' fragments call, as an app declares them.
 */
public final class Functions {

	/** {@code emails:send}. */
	public static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ConvexAction.of("emails:send",
			SendEmail.class, EmailReceipt.class);

	/** {@code payments:charge}. */
	public static final ConvexAction<ChargeCard, Charge> CHARGE_CARD = ConvexAction.of("payments:charge",
			ChargeCard.class, Charge.class);

	/** {@code reports:generate}. */
	public static final ConvexAction<GenerateReport, Report> GENERATE_REPORT = ConvexAction.of("reports:generate",
			GenerateReport.class, Report.class);

	/** {@code orders:save}. */
	public static final ConvexMutation<SaveOrder, String> SAVE_ORDER = ConvexMutation.of("orders:save",
			SaveOrder.class, String.class);

	/** {@code orders:list}. */
	public static final ConvexQuery<ListOrders, List<Order>> LIST_ORDERS = ConvexQuery.of("orders:list",
			ListOrders.class, new ParameterizedTypeReference<List<Order>>() {
			});

	/** {@code admin/stats:get}, without arguments. */
	public static final ConvexQuery<Void, Stats> STATS = ConvexQuery.of("admin/stats:get", Void.class, Stats.class);

	private Functions() {
	}

}
