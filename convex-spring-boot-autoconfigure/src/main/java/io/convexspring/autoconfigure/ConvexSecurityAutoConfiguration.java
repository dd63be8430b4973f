package io.convexspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.security.SecurityContextCredentialsProvider;

/**
 * Auto-configuration of the Spring Security relay ({@code convex.security.relay=true}): calls
 * made while handling a request authenticated with a bearer token run as that request's user;
 * others with the deploy key, or none. Backs off for an application's own
 * {@link ConvexCredentialsProvider}.
 */
@AutoConfiguration(after = ConvexAutoConfiguration.class)
@ConditionalOnBean(ConvexConnectionDetails.class)
@ConditionalOnClass({ SecurityContextHolder.class, AbstractOAuth2Token.class })
@ConditionalOnBooleanProperty("convex.security.relay")
public final class ConvexSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ConvexCredentialsProvider.class)
	SecurityContextCredentialsProvider convexSecurityRelayCredentialsProvider(
			ConvexConnectionDetails connectionDetails) {
		String deployKey = connectionDetails.deployKey();
		ConvexCredentials fallback = (deployKey != null) ? ConvexCredentials.deployKey(deployKey)
				: ConvexCredentials.none();
		return new SecurityContextCredentialsProvider(ConvexCredentialsProvider.of(fallback));
	}

}
