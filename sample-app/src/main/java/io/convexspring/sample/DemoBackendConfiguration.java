package io.convexspring.sample;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convexspring.autoconfigure.ConvexConnectionDetails;
import io.convexspring.sample.demo.DemoConvexBackend;
import io.convexspring.sample.demo.DemoSettings;

/**
 * Starts the embedded demo backend when no deployment is configured, and points the starter
 * at it through a {@link ConvexConnectionDetails} bean, the way a test container would.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${convex.url:}'.isBlank()")
class DemoBackendConfiguration {

	private static final Log logger = LogFactory.getLog(DemoBackendConfiguration.class);

	@Bean(destroyMethod = "close")
	DemoConvexBackend demoConvexBackend(@Value("${sample.demo.report-duration:3s}") Duration reportDuration) {
		DemoConvexBackend backend = DemoConvexBackend.start(0, new DemoSettings(reportDuration));
		logger.info("No convex.url (or CONVEX_URL) is set: running on the embedded demo Convex backend at "
				+ backend.url() + ". Set CONVEX_URL to your deployment's URL to use it instead.");
		return backend;
	}

	@Bean
	ConvexConnectionDetails demoConvexConnectionDetails(DemoConvexBackend backend) {
		return backend::url;
	}

}
