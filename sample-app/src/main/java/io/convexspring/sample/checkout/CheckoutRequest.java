package io.convexspring.sample.checkout;

import jakarta.validation.constraints.NotNull;

/**
 * What the page asks for: which product, how many. The quantity's range (1 to 100) and the
 * catalogue are the function's business, so it answers them with its own error codes.
 *
 * @param productId the product, e.g. {@code pro-monthly}
 * @param quantity how many
 */
record CheckoutRequest(@NotNull String productId, @NotNull Integer quantity) {

}
