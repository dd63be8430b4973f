package io.convexspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Start-up failure: {@code convex.url} is missing or is not an absolute http(s) URL. Reported
 * by {@link InvalidConvexUrlFailureAnalyzer}.
 */
public class InvalidConvexUrlException extends IllegalStateException {

	private final @Nullable String url;

	InvalidConvexUrlException(@Nullable String url, IllegalArgumentException cause) {
		super(cause.getMessage() + ". Set convex.url (or the CONVEX_URL environment variable) to your"
				+ " deployment's URL", cause);
		this.url = url;
	}

	/**
	 * Returns the URL that was configured, if any.
	 * @return the URL, or {@code null} when none was set
	 */
	public @Nullable String getUrl() {
		return this.url;
	}

}
