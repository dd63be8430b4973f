package io.convexspring.sample.docs.context;

/**
 * Result of {@code payments:charge}.
 *
 * @param chargeId the charge's id
 * @param amountCents the amount charged
 * @param status the charge's status
 */
public record Charge(String chargeId, long amountCents, String status) {

}
