package io.convexspring.autoconfigure;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an invalid {@code convex.logging} with the values the documentation names,
 * {@code false | info | debug}, instead of the enum's constants. Ordered before Spring Boot's
 * own analysis of binding failures.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidConvexLoggingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	private static final ConfigurationPropertyName LOGGING = ConfigurationPropertyName.of("convex.logging");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!LOGGING.equals(cause.getName())) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		String value = (property != null) ? String.valueOf(property.getValue()) : "";
		String origin = (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "";
		return new FailureAnalysis("Invalid value '" + value + "' for convex.logging" + origin + ".",
				"Set convex.logging to one of: false | info | debug (false, the default, logs nothing per "
						+ "execution; info one line per execution and the function's own log lines; debug also "
						+ "arguments, results and HTTP details).",
				cause);
	}

}
