package io.convexspring.sample.email;

/**
 * Result of {@code emails:send}.
 *
 * @param id the provider's message id
 * @param to the recipient
 * @param status the delivery status, {@code sent}
 * @param sentAt when it was sent, in epoch milliseconds
 */
public record EmailReceipt(String id, String to, String status, long sentAt) {

}
