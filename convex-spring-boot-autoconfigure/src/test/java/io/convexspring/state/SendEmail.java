package io.convexspring.state;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Arguments with constraint annotations, as an application declares them. */
record SendEmail(@NotBlank @Email String to, @NotBlank @Size(max = 20) String subject) {

	static SendEmail valid() {
		return new SendEmail("ada@example.com", "Hello");
	}

}
