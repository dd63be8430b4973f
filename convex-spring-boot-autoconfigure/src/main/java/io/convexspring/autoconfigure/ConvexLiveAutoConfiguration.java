package io.convexspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexTransport;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveMeterBinder;
import io.convexspring.live.ConvexLiveServerSentEvents;

/**
 * Auto-configuration of live queries: a {@link ConvexLiveClient} on the
 * {@link ConvexTransport}'s deployment, codec, observation and default credentials
 * provider (the application's {@link ConvexCredentialsProvider} where it has one, else the
 * deploy key), tuned by
 * {@code convex.live.*}. It opens no socket until something subscribes or calls, and closes
 * every socket when the context closes. Where Micrometer is present, a
 * {@link ConvexLiveMeterBinder} meters the sockets.
 */
@AutoConfiguration(after = ConvexAutoConfiguration.class)
@ConditionalOnBean(ConvexTransport.class)
@EnableConfigurationProperties(ConvexLiveProperties.class)
public final class ConvexLiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConvexLiveClient convexLiveClient(ConvexTransport transport, ConvexLiveProperties properties) {
		ConvexLiveClient.Builder builder = ConvexLiveClient.builder(transport)
			.backoff(properties.getBackoffInitial(), properties.getBackoffMax())
			.idleTimeout(properties.getIdleTimeout())
			.inactivityTimeout(properties.getInactivityTimeout())
			.refreshLeeway(properties.getRefreshLeeway())
			.maxSockets(properties.getMaxSockets())
			.maxMessageSize(properties.getMaxMessageSize());
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexLiveServerSentEvents convexLiveServerSentEvents(ConvexLiveProperties properties) {
		return new ConvexLiveServerSentEvents(properties.getSseHeartbeat());
	}

	// nested, so that Micrometer's classes are loaded only where the application has them
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class ConvexLiveMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConvexLiveMeterBinder convexLiveMeterBinder(ConvexLiveClient client) {
			return new ConvexLiveMeterBinder(client);
		}

	}

}
