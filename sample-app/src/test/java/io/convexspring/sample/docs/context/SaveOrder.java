package io.convexspring.sample.docs.context;

import java.util.List;

/**
 * Arguments of {@code orders:save}.
 *
 * @param chargeId the charge that paid for it
 * @param amountCents the amount
 * @param currency the currency
 * @param items the lines
 */
public record SaveOrder(String chargeId, long amountCents, String currency, List<OrderItem> items) {

}
