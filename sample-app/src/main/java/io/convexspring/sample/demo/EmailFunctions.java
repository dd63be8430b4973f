package io.convexspring.sample.demo;

import java.util.Locale;

import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code emails:send}: stands in for a transactional email provider. Its failures show both kinds
 * a client must tell apart: a bad address is the caller's fault (a ConvexError with a code), a
 * provider outage is not (an uncaught error).
 */
final class EmailFunctions {

	/** Addresses at this domain play a provider outage. */
	private static final String FAILING_DOMAIN = "@fail.example";

	private EmailFunctions() {
	}

	static void registerTo(LocalConvexDeployment.Builder deployment) {
		deployment.action("emails:send", (call) -> send(Args.of(call), call));
	}

	private static Object send(Args args, FunctionCall call) {
		args.allowOnly("to", "subject", "body");
		String to = args.string("to");
		args.string("subject");
		args.string("body");
		if (!to.contains("@")) {
			throw ConvexErrors.of("INVALID_EMAIL", "Invalid email address: " + to);
		}
		call.log("Sending email to " + to);
		if (to.toLowerCase(Locale.ROOT).endsWith(FAILING_DOMAIN)) {
			throw new IllegalStateException("Email provider unavailable (HTTP 503)");
		}
		String id = "email_" + DemoIds.hex(12);
		call.info("Email " + id + " accepted by the provider");
		return ConvexValues.object("id", id, "to", to, "status", "sent", "sentAt", (double) System.currentTimeMillis());
	}

}
