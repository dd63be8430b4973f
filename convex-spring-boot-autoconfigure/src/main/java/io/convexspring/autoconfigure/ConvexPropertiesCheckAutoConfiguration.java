package io.convexspring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of the check of {@code convex.*} property names: a misspelt key fails
 * start-up, naming the closest known one, unless {@code convex.fail-on-unknown-properties} is
 * {@code false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "convex.fail-on-unknown-properties", matchIfMissing = true)
public final class ConvexPropertiesCheckAutoConfiguration {

	@Bean
	static ConvexPropertiesCheck convexPropertiesCheck(ConfigurableEnvironment environment) {
		return new ConvexPropertiesCheck(environment);
	}

}
