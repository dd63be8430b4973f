package io.convexspring.sample.docs.context;

/**
 * Result of {@code emails:send}.
 *
 * @param id the provider's message id
 * @param status the delivery status
 * @param sentAt when it was sent, in epoch milliseconds
 */
public record EmailReceipt(String id, String status, long sentAt) {

}
