package io.convexspring.sample.docs.context;

/**
 * The data of the {@code ConvexError} that {@code payments:charge} throws for a declined card.
 *
 * @param code {@code CARD_DECLINED}
 * @param message a message for the buyer
 * @param declineCode the card network's reason
 */
public record Decline(String code, String message, String declineCode) {

}
