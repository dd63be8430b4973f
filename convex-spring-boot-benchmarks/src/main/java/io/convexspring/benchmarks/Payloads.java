package io.convexspring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.convexspring.client.ConvexAction;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.Int64;

/**
 * What every benchmark sends and receives: the {@code emails:send} call of the README, its
 * success envelope, and a larger result (100 orders with int64 and bytes fields).
 */
final class Payloads {

	/** The arguments of {@code emails:send}. */
	record SendEmail(String to, String subject, String body) {
	}

	/** The result of {@code emails:send}. */
	record EmailReceipt(String id, String to, String status, long sentAt) {
	}

	/** One order of the larger result: int64, float64, bytes, an array and a boolean. */
	record Order(String id, String customer, @Int64 long quantity, @Int64 long priceCents, double total,
			long createdAt, byte[] receipt, List<String> tags, boolean paid) {
	}

	static final String SEND_EMAIL_PATH = "emails:send";

	static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ConvexAction.of(SEND_EMAIL_PATH, SendEmail.class,
			EmailReceipt.class);

	static final SendEmail ARGS = new SendEmail("ada@example.com", "Your order has shipped",
			"Hello Ada, your order 1042 left our warehouse today and should arrive on Thursday.");

	/** The request body the client sends for {@link #ARGS}, written by hand. */
	static final byte[] REQUEST_BODY = ("{\"path\":\"emails:send\",\"args\":[{\"to\":\"ada@example.com\","
			+ "\"subject\":\"Your order has shipped\",\"body\":\"Hello Ada, your order 1042 left our warehouse today "
			+ "and should arrive on Thursday.\"}],\"format\":\"convex_encoded_json\"}")
		.getBytes(StandardCharsets.UTF_8);

	static final EmailReceipt RECEIPT = new EmailReceipt("email_0123456789ab", "ada@example.com", "sent",
			1732500000000L);

	/** What the loopback server answers to every call. */
	static final byte[] EMAIL_ENVELOPE = ("{\"status\":\"success\",\"value\":{\"id\":\"email_0123456789ab\","
			+ "\"to\":\"ada@example.com\",\"status\":\"sent\",\"sentAt\":1732500000000},"
			+ "\"logLines\":[\"[LOG] Sending email\"]}")
		.getBytes(StandardCharsets.UTF_8);

	private Payloads() {
	}

	/**
	 * Returns the 100 orders of the larger result.
	 * @return new orders, equal on every call
	 */
	static List<Order> orders() {
		List<Order> orders = new ArrayList<>(100);
		for (int i = 0; i < 100; i++) {
			byte[] receipt = new byte[48];
			for (int b = 0; b < receipt.length; b++) {
				receipt[b] = (byte) (i * 31 + b * 7);
			}
			long quantity = 1 + (i % 7);
			long priceCents = 1999L + 250L * i;
			orders.add(new Order("order_" + (100000 + i), "customer_" + (i % 13), quantity, priceCents,
					quantity * priceCents / 100.0, 1732500000000L + 60000L * i, receipt,
					List.of("express", (i % 2 == 0) ? "gift" : "standard"), i % 3 != 0));
		}
		return orders;
	}

	/**
	 * Returns the success envelope of {@link #orders()}, encoded by the project's codec.
	 * @param codec the codec
	 * @return the envelope bytes
	 */
	static byte[] ordersEnvelope(ConvexCodec codec) {
		return ("{\"status\":\"success\",\"value\":" + codec.toWireJson(orders()) + ",\"logLines\":[]}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
