package io.convexspring.sample.docs.context;

/**
 * Arguments of {@code orders:list}.
 *
 * @param limit how many, newest first
 */
public record ListOrders(int limit) {

}
