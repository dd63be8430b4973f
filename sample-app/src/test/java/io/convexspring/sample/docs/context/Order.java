package io.convexspring.sample.docs.context;

import java.util.List;

/**
 * A saved order, as {@code orders:list} returns it.
 *
 * @param _id the document id
 * @param chargeId the charge that paid for it
 * @param amountCents the amount
 * @param items the lines
 */
public record Order(String _id, String chargeId, long amountCents, List<OrderItem> items) {

}
