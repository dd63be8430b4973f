package io.convexspring.sample.purchase;

import io.convexspring.codec.Int64;

/**
 * A line of an order, as {@code schema.ts} defines it.
 *
 * @param sku the product
 * @param quantity how many; the schema says {@code v.int64()}, hence {@link Int64 @Int64}: without
 * it a {@code long} is sent as a float64 and the mutation refuses it
 */
public record OrderItem(String sku, @Int64 long quantity) {

}
