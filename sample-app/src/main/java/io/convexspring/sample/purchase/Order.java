package io.convexspring.sample.purchase;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order document, as {@code orders:list} returns it.
 *
 * @param id the document id, Convex's system field {@code _id}
 * @param creationTime when it was saved, in epoch milliseconds (system field {@code _creationTime})
 * @param chargeId the charge that paid for it
 * @param amountCents the amount paid, in cents
 * @param currency the currency
 * @param items what was bought
 * @param status {@code paid}
 */
public record Order(@JsonProperty("_id") String id, @JsonProperty("_creationTime") double creationTime,
		String chargeId, long amountCents, String currency, List<OrderItem> items, String status) {

}
