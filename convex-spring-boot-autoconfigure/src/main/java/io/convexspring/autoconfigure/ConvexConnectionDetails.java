package io.convexspring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Convex deployment is and how to authenticate as admin. By default read from
 * {@code convex.url} and {@code convex.deploy-key}; declare a bean of this type to supply them
 * otherwise (a test container, an embedded backend, a secret store).
 */
public interface ConvexConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the deployment URL, e.g. {@code https://happy-otter-123.convex.cloud}.
	 * @return the deployment URL
	 */
	@Nullable String url();

	/**
	 * Returns the deploy key for admin access, if any.
	 * @return the deploy key, or {@code null}
	 */
	default @Nullable String deployKey() {
		return null;
	}

}
