package io.convexspring.sample.checkout;

/**
 * Arguments of {@code payments:createCheckoutSession}.
 *
 * @param productId the product
 * @param quantity how many; a Convex float64 ({@code v.number()}), which an {@code int} is sent as
 * @param successUrl where the provider sends the buyer after paying: a page of this app
 * @param cancelUrl where it sends them if they give up: a page of this app
 */
public record CreateCheckoutSession(String productId, int quantity, String successUrl, String cancelUrl) {

}
