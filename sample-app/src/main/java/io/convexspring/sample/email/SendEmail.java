package io.convexspring.sample.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Arguments of {@code emails:send}. The constraints catch a malformed address or a missing
 * subject here, without a round trip; the function still checks what only it can (the
 * provider's refusals).
 *
 * @param to the recipient
 * @param subject the subject
 * @param body the plain-text body
 */
public record SendEmail(@NotBlank @Email String to, @NotBlank String subject, @NotNull String body) {

}
