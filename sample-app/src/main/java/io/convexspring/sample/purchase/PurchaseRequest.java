package io.convexspring.sample.purchase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the page sends to buy: one line of the catalogue and a card token from the payment
 * provider's card form (the demo knows {@code tok_visa} and {@code tok_declined}).
 *
 * @param sku the product
 * @param quantity how many; checked here, since the order mutation stores any int64
 * @param cardToken the card token
 */
record PurchaseRequest(@NotBlank String sku, @NotNull @Min(1) @Max(100) Long quantity, @NotBlank String cardToken) {

}
