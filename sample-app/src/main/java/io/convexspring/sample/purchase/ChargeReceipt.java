package io.convexspring.sample.purchase;

/**
 * Result of {@code payments:charge}.
 *
 * @param chargeId the provider's charge id
 * @param amountCents the amount charged, in cents
 * @param currency the currency
 * @param status {@code succeeded}
 */
public record ChargeReceipt(String chargeId, long amountCents, String currency, String status) {

}
