package io.convexspring.sample.docs.context;

/**
 * Result of {@code admin/stats:get}.
 *
 * @param orders how many orders
 * @param revenueCents their total
 */
public record Stats(long orders, long revenueCents) {

}
