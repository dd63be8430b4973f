package io.convexspring.sample;

import io.convexspring.client.ConvexAction;
import io.convexspring.sample.email.EmailReceipt;
import io.convexspring.sample.email.SendEmail;

/**
 * References to the Convex functions this app calls (see {@code convex/} for their source),
 * made once, like the {@code api} object of a Convex front-end.
 */
public final class ConvexFunctions {

	/** {@code emails:send}: sends an email through the provider. */
	public static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ConvexAction.of("emails:send",
			SendEmail.class, EmailReceipt.class);

	private ConvexFunctions() {
	}

}
