package io.convexspring.sample.docs.context;

/**
 * Arguments of {@code emails:send}.
 *
 * @param to the recipient
 * @param subject the subject
 * @param body the body
 */
public record SendEmail(String to, String subject, String body) {

}
