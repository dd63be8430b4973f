package io.convexspring.sample.demo;

import java.util.Map;

import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code payments:createCheckoutSession} and {@code payments:charge}: stand in for a card payment
 * provider, with its usual refusals (unknown product, bad quantity or amount, declined card)
 * as ConvexErrors carrying codes a client can branch on, checked as {@code payments.ts} checks
 * them. The checkout "session" sends the buyer straight to the success URL, as if they had paid.
 */
final class PaymentFunctions {

	/** Prices in cents, as a provider's catalogue would hold them. */
	private static final Map<String, Integer> PRICES = Map.of("pro-monthly", 2000, "pro-yearly", 20000, "team", 50000);

	private static final int MAX_QUANTITY = 100;

	private static final String DECLINED_CARD = "tok_declined";

	private PaymentFunctions() {
	}

	static void registerTo(LocalConvexDeployment.Builder deployment) {
		deployment.action("payments:createCheckoutSession", (call) -> checkout(Args.of(call), call));
		deployment.action("payments:charge", (call) -> charge(Args.of(call), call));
	}

	private static Object checkout(Args args, FunctionCall call) {
		args.allowOnly("productId", "quantity", "successUrl", "cancelUrl");
		String productId = args.string("productId");
		double quantity = args.number("quantity");
		String successUrl = args.string("successUrl");
		args.string("cancelUrl");
		Integer price = PRICES.get(productId);
		if (price == null) {
			throw ConvexErrors.of("UNKNOWN_PRODUCT", "Unknown product: " + productId);
		}
		if (!isWholeNumber(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
			throw ConvexErrors.of("INVALID_QUANTITY", "Quantity must be a whole number from 1 to "
					+ MAX_QUANTITY + ", not " + JsNumbers.format(quantity));
		}
		String sessionId = "cs_demo_" + DemoIds.hex(24);
		call.log("Creating checkout session " + sessionId + " for " + JsNumbers.format(quantity) + " x " + productId);
		String url = successUrl + (successUrl.contains("?") ? "&" : "?") + "session_id=" + sessionId;
		return ConvexValues.object("sessionId", sessionId, "url", url, "amountCents", price * quantity, "currency", "usd");
	}

	private static Object charge(Args args, FunctionCall call) {
		args.allowOnly("amountCents", "currency", "cardToken");
		double amountCents = args.number("amountCents");
		String currency = args.string("currency");
		String cardToken = args.string("cardToken");
		if (!isWholeNumber(amountCents) || amountCents <= 0) {
			throw ConvexErrors.of("INVALID_AMOUNT",
					"The amount must be a positive whole number of cents, not " + JsNumbers.format(amountCents));
		}
		call.log("Charging " + JsNumbers.format(amountCents) + " " + currency);
		if (cardToken.equals(DECLINED_CARD)) {
			call.warn("Card declined: insufficient_funds");
			throw ConvexErrors.of("CARD_DECLINED", "Your card was declined.", "declineCode", "insufficient_funds");
		}
		String chargeId = "ch_" + DemoIds.hex(24);
		call.info("Charge " + chargeId + " succeeded");
		return ConvexValues.object("chargeId", chargeId, "amountCents", amountCents, "currency", currency,
				"status", "succeeded");
	}

	/** JavaScript's {@code Number.isInteger}: false for NaN and the infinities. */
	private static boolean isWholeNumber(double value) {
		return Double.isFinite(value) && value == Math.rint(value);
	}

}
