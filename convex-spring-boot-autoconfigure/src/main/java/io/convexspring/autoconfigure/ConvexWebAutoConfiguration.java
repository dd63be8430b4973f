package io.convexspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.convexspring.web.ConvexExceptionHandler;
import io.convexspring.web.ConvexProblemDetails;

/**
 * Auto-configuration of the web edge ({@code convex.web.problem-details.enabled=true}): a
 * Convex failure escaping a Spring MVC or WebFlux controller is answered with an RFC 9457
 * problem detail instead of a 500.
 */
@AutoConfiguration(after = ConvexAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("convex.web.problem-details.enabled")
public final class ConvexWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConvexProblemDetails convexProblemDetails(ConvexProperties properties) {
		return new ConvexProblemDetails(properties.getWeb().getProblemDetails().getRetryAfter());
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexExceptionHandler convexExceptionHandler(ConvexProblemDetails problemDetails) {
		return new ConvexExceptionHandler(problemDetails);
	}

}
