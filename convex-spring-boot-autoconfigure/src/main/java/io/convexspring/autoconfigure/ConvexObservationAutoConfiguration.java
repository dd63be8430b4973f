package io.convexspring.autoconfigure;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.autoconfigure.ConvexProperties.Logging;
import io.convexspring.client.ConvexTransport;
import io.convexspring.observation.ConvexLoggingObservationHandler;
import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexObservationConvention;
import io.convexspring.observation.DefaultConvexObservationConvention;

/**
 * Auto-configuration of the observation of Convex function executions: one Micrometer
 * observation per execution of the {@link ConvexTransport}, in the application's
 * {@link ObservationRegistry} (timers, in-flight long task timers, spans) unless
 * {@code convex.metrics.enabled=false}, and the {@link ConvexLoggingObservationHandler} that
 * {@code convex.logging} asks for, which works with or without the application's registry.
 * Declare a {@link ConvexObservationConvention} bean to change names and tags.
 */
@AutoConfiguration(before = ConvexAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ WebClient.class, JsonMapper.class, ObservationRegistry.class })
@EnableConfigurationProperties(ConvexProperties.class)
public final class ConvexObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ConvexObservationConvention.class)
	DefaultConvexObservationConvention convexObservationConvention(ConvexProperties properties) {
		return new DefaultConvexObservationConvention(properties.getMetrics().getMaxFunctionTags());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnConvexLoggingCondition.class)
	ConvexLoggingObservationHandler convexLoggingObservationHandler(ConvexProperties properties) {
		return (properties.getLogging() == Logging.DEBUG)
				? ConvexLoggingObservationHandler.detailed(properties.getLoggingPreviewSize())
				: ConvexLoggingObservationHandler.summary();
	}

	@Bean
	ConvexTransportCustomizer convexObservationTransportCustomizer(ConvexProperties properties,
			Environment environment, ListableBeanFactory beanFactory,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ConvexObservationConvention> observationConvention,
			ObjectProvider<ObservationHandler<ConvexObservationContext>> observationHandlers) {
		return new ObservationTransportCustomizer(
				properties.getMetrics().isEnabled() && ObservationTransportCustomizer.observationsEnabled(environment),
				properties.getMetrics().isHttpClientRequests(), beanFactory, observationRegistry, observationConvention,
				observationHandlers);
	}

}
