package io.convexspring.sample.purchase;

import io.convexspring.codec.Id;
import io.convexspring.sample.api.Payments;
import io.convexspring.sample.api.Tables;

/**
 * What {@code POST /api/purchases} answers: the saved order and the charge that paid for it.
 *
 * @param orderId the order's document id (a string in JSON)
 * @param charge the charge
 */
public record Purchase(Id<Tables.Orders> orderId, Payments.ChargeResult charge) {

}
