package io.convexspring.sample.purchase;

import java.util.List;

/**
 * Arguments of {@code orders:save}.
 *
 * @param chargeId the charge that paid for the order
 * @param amountCents the amount paid, in cents
 * @param currency the currency
 * @param items what was bought
 */
public record SaveOrder(String chargeId, long amountCents, String currency, List<OrderItem> items) {

}
