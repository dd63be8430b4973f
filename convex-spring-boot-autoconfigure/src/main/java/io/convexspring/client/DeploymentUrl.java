package io.convexspring.client;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Checks and normalizes a deployment URL: absolute, http or https, with a host; a trailing
 * slash is ignored.
 */
final class DeploymentUrl {

	static final String EXAMPLE = "https://happy-otter-123.convex.cloud";

	private DeploymentUrl() {
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
