package io.convexspring.sample.email;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Emails;

/**
 * {@code POST /api/emails}: runs the {@code emails:send} action and answers its result. The
 * request holds the action's arguments, validated on the way in.
 */
@RestController
class EmailController {

	private final ConvexActionClient actions;

	EmailController(ConvexActionClient actions) {
		this.actions = actions;
	}

	@PostMapping("/api/emails")
	Emails.SendResult send(@Valid @RequestBody SendEmail email) {
		return this.actions.executeBlocking(Api.emails.send,
				new Emails.SendArgs(email.to(), email.subject(), email.body()));
	}

}
