package io.convexspring.sample.docs.context;

import io.convexspring.codec.Int64;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param quantity how many, a {@code v.int64()}
 */
public record OrderItem(String sku, @Int64 long quantity) {

}
