package io.convexspring.sample.purchase;

import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code orders:list}.
 *
 * @param limit how many orders, newest first, 0 to 100; {@code null} leaves the field out, for
 * the function's default of 20
 */
public record ListOrders(@Nullable Integer limit) {

}
