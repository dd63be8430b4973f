package io.convexspring.sample.email;

/**
 * Arguments of {@code emails:send}.
 *
 * @param to the recipient
 * @param subject the subject
 * @param body the plain-text body
 */
public record SendEmail(String to, String subject, String body) {

}
