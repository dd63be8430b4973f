package io.convexspring.state;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.convexspring.client.ConvexAction;

/** Arguments with constraint annotations, as an application declares them. */
record SendEmail(@NotBlank @Email String to, @NotBlank @Size(max = 20) String subject) {

	/** The action the handle tests execute. */
	static final ConvexAction<SendEmail, Receipt> SEND = ConvexAction.of("emails:send", SendEmail.class,
			Receipt.class);

	static SendEmail valid() {
		return new SendEmail("ada@example.com", "Hello");
	}

}
