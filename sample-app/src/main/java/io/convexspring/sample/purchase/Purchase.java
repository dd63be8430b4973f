package io.convexspring.sample.purchase;

/**
 * What {@code POST /api/purchases} answers: the saved order and the charge that paid for it.
 *
 * @param orderId the order's document id
 * @param charge the charge
 */
public record Purchase(String orderId, ChargeReceipt charge) {

}
