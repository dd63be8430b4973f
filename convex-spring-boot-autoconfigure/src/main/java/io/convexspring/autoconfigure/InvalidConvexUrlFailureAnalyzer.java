package io.convexspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidConvexUrlException} at start-up: what was wrong, and what to set.
 */
class InvalidConvexUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConvexUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConvexUrlException cause) {
		String description = (cause.getUrl() == null || cause.getUrl().isBlank())
				? "No Convex deployment URL is configured, so the Convex clients cannot be created."
				: "The Convex deployment URL '" + cause.getUrl() + "' is invalid: "
						+ cause.getCause().getMessage();
		String action = "Set convex.url in application.yml, or the CONVEX_URL environment variable, to your"
				+ " deployment's URL, for example:\n\n    convex:\n      url: https://happy-otter-123.convex.cloud\n\n"
				+ "The Convex dashboard shows it under Settings > URL and Deploy Key.";
		return new FailureAnalysis(description, action, cause);
	}

}
