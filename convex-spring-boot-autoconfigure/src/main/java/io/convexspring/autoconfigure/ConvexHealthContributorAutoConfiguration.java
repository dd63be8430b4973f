package io.convexspring.autoconfigure;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convexspring.client.ConvexTransport;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.observation.ConvexHealthIndicator;

/**
 * Auto-configuration of the {@code convex} health indicator, a {@link ConvexHealthIndicator}
 * that checks the deployment with {@code GET /version} and shows the live-query sockets' states. Turn it off with
 * {@code management.health.convex.enabled=false}.
 */
@AutoConfiguration(after = ConvexAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ConvexTransport.class)
@EnableConfigurationProperties(ConvexProperties.class)
public final class ConvexHealthContributorAutoConfiguration {

	// nested, so that its condition's class is loaded only once the health classes are there
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("convex")
	static class ConvexHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "convexHealthIndicator")
		ConvexHealthIndicator convexHealthIndicator(ConvexTransport transport, ConvexProperties properties,
				ObjectProvider<ConvexLiveClient> live) {
			return new ConvexHealthIndicator(transport, properties.getHealth().getTimeout(), () -> {
				ConvexLiveClient client = live.getIfUnique();
				return (client != null) ? Map.of("live", client.summary()) : Map.of();
			});
		}

	}

}
