package io.convexspring.sample.docs.context;

/**
 * Arguments of {@code payments:charge}.
 *
 * @param amountCents the amount
 * @param currency the currency, e.g. {@code usd}
 * @param cardToken the card token
 */
public record ChargeCard(long amountCents, String currency, String cardToken) {

}
