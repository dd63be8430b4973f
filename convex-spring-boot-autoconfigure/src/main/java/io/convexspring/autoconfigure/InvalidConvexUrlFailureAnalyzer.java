package io.convexspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
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
				+ "The Convex dashboard shows it under Settings > URL and Deploy Key (the API is on *.convex.cloud;"
				+ " *.convex.site serves HTTP actions).";
		if (looksLikeAConvexSiteOrPath(cause.getUrl())) {
			action += " For a self-hosted backend behind a proxy or a path prefix, set"
					+ " convex.skip-deployment-url-check=true.";
		}
		return new FailureAnalysis(description, action, cause);
	}

	private static boolean looksLikeAConvexSiteOrPath(@Nullable String url) {
		try {
			URI uri = (url != null) ? new URI(url.strip()) : null;
			return uri != null && uri.getHost() != null && (uri.getHost().toLowerCase(Locale.ROOT).endsWith(".convex.site")
					|| (uri.getRawPath() != null && !uri.getRawPath().replaceAll("/+$", "").isEmpty()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
