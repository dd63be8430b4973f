package io.convexspring.aot.scanned;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexQuery;

/**
 * Function references as a generated API holds them: no bean, a static field per module, the
 * references as the module's fields ({@code GeneratedApi.emails.send}).
 */
public final class GeneratedApi {

	/** The emails module. */
	public static final Emails emails = new Emails();

	/** A reference straight in a static field of a class that is not a bean. */
	public static final ConvexQuery<Inbox, Page> INBOX = ConvexQuery.of("emails:inbox", Inbox.class, Page.class);

	private GeneratedApi() {
	}

	/** The functions of {@code emails}. */
	public static final class Emails {

		/** {@code emails:send}. */
		public final ConvexAction<Send, Sent> send = ConvexAction.of("emails:send", Send.class, Sent.class);

	}

	/** Arguments. */
	public record Send(String to) {
	}

	/** A result. */
	public record Sent(String id) {
	}

	/** Arguments. */
	public record Inbox(int limit) {
	}

	/** A result. */
	public record Page(int size) {
	}

}
