package io.convexspring.sample.demo;

import java.util.Locale;

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

	static void registerTo(FunctionRegistry registry) {
		registry.register("emails:send", FunctionKind.ACTION, (args, logs) -> send(args, logs));
	}

	private static Object send(Args args, LogLines logs) {
		args.allowOnly("to", "subject", "body");
		String to = args.string("to");
		args.string("subject");
		args.string("body");
		if (!to.contains("@")) {
			throw ConvexErrorException.of("INVALID_EMAIL", "Invalid email address: " + to);
		}
		logs.log("Sending email to " + to);
		if (to.toLowerCase(Locale.ROOT).endsWith(FAILING_DOMAIN)) {
			throw new IllegalStateException("Email provider unavailable (HTTP 503)");
		}
		String id = "email_" + DemoIds.hex(12);
		logs.info("Email " + id + " accepted by the provider");
		return ConvexValues.object("id", id, "to", to, "status", "sent", "sentAt", (double) System.currentTimeMillis());
	}

}
