package io.convexspring.client;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Checks and normalizes a deployment URL: absolute, http or https, with a host; a trailing
 * slash is ignored. Unless the check is skipped (a self-hosted backend behind a proxy), it is
 * also refused on {@code *.convex.site}, where a deployment serves HTTP actions, not its API,
 * and with a path, which would go before {@code /api/...}.
 */
final class DeploymentUrl {

	static final String EXAMPLE = "https://happy-otter-123.convex.cloud";

	private DeploymentUrl() {
	}

	/** The property that skips {@link #check}, named in its messages. */
	static final String SKIP_CHECK_PROPERTY = "convex.skip-deployment-url-check";

	static URI parse(@Nullable String url, boolean skipCheck) {
		URI uri = parse(url);
		if (!skipCheck) {
			check(uri);
		}
		return uri;
	}

	/** Refuses what is a valid URL but not a Convex deployment's API, as the npm client does. */
	static void check(URI uri) {
		String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
		if (host.endsWith(".convex.site")) {
			throw new IllegalArgumentException("Invalid Convex deployment URL '" + uri + "': it ends with"
					+ " .convex.site, which is used for HTTP Actions. Convex deployment URLs typically end with"
					+ " .convex.cloud, e.g. " + uri.getScheme() + "://"
					+ uri.getRawAuthority().substring(0, uri.getRawAuthority().length() - ".convex.site".length())
					+ ".convex.cloud. If you believe this URL is correct, set " + SKIP_CHECK_PROPERTY + "=true");
		}
		if (!uri.getRawPath().isEmpty()) {
			throw new IllegalArgumentException("Invalid Convex deployment URL '" + uri + "': it has a path ('"
					+ uri.getRawPath() + "'), and calls would go to " + uri + "/api/...; use the deployment's root, e.g. "
					+ uri.getScheme() + "://" + uri.getRawAuthority() + ". For a self-hosted backend behind a path"
					+ " prefix, set " + SKIP_CHECK_PROPERTY + "=true");
		}
	}

	static URI parse(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("No Convex deployment URL is set; expected an absolute http(s) URL"
					+ " such as " + EXAMPLE);
		}
		String trimmed = url.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalid(url, ex.getReason());
		}
		if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
			throw invalid(url, "the scheme must be http or https");
		}
		if (uri.getRawUserInfo() != null) {
			// never echo credentials: they would end up in logs and messages
			throw invalid(uri.getScheme() + "://******@" + uri.getHost(),
					"it must not carry credentials; set the deploy key with convex.deploy-key");
		}
		if (uri.getHost() == null) {
			throw invalid(url, "it has no host");
		}
		if (uri.getQuery() != null || uri.getFragment() != null) {
			throw invalid(url, "it must not have a query or a fragment");
		}
		return uri;
	}

	private static IllegalArgumentException invalid(String url, String reason) {
		return new IllegalArgumentException("Invalid Convex deployment URL '" + url + "': " + reason
				+ "; expected an absolute http(s) URL such as " + EXAMPLE);
	}

}
