package io.convexspring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.autoconfigure.ConvexProperties.Logging;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.observation.ConvexEndpoint;
import io.convexspring.observation.ConvexExecutionRecorder;

/**
 * Auto-configuration of the {@code convex} actuator endpoint, a {@link ConvexEndpoint} that lists
 * the most recent function executions as a {@link ConvexExecutionRecorder} keeps them. Only where
 * the endpoint is available (enabled and exposed): otherwise nothing is recorded. Argument and
 * result previews are recorded only with {@code convex.logging=debug}.
 */
@AutoConfiguration(before = ConvexAutoConfiguration.class)
@ConditionalOnClass({ WebClient.class, JsonMapper.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@EnableConfigurationProperties(ConvexProperties.class)
public final class ConvexEndpointAutoConfiguration {

	// nested, so that its condition's class is loaded only once the actuator classes are there
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(ConvexEndpoint.class)
	static class ConvexEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConvexExecutionRecorder convexExecutionRecorder(ConvexProperties properties) {
			int previewSize = (properties.getLogging() == Logging.DEBUG) ? properties.getLoggingPreviewSize() : -1;
			return new ConvexExecutionRecorder(properties.getRecentExecutions().getSize(), previewSize);
		}

		@Bean
		@ConditionalOnMissingBean
		ConvexEndpoint convexEndpoint(ConvexExecutionRecorder recorder, ObjectProvider<ConvexLiveClient> live) {
			return new ConvexEndpoint(recorder, () -> {
				ConvexLiveClient client = live.getIfUnique();
				return (client != null) ? client.summary() : null;
			});
		}

	}

}
