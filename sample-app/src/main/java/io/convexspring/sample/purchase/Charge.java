package io.convexspring.sample.purchase;

/**
 * Arguments of {@code payments:charge}.
 *
 * @param amountCents the amount, in cents (a float64, {@code v.number()}, that must be whole)
 * @param currency the currency, e.g. {@code usd}
 * @param cardToken the card token from the provider's card form
 */
public record Charge(long amountCents, String currency, String cardToken) {

}
