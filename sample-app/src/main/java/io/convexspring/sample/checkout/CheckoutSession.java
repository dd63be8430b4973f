package io.convexspring.sample.checkout;

/**
 * Result of {@code payments:createCheckoutSession}.
 *
 * @param sessionId the provider's session id
 * @param url the hosted checkout page to send the buyer to
 * @param amountCents the total, in cents
 * @param currency the currency, {@code usd}
 */
public record CheckoutSession(String sessionId, String url, long amountCents, String currency) {

}
