package io.convexspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.convexspring.autoconfigure.ConvexProperties.Logging;

/**
 * Matches where {@code convex.logging} is {@code info} or {@code debug}; {@code false} (or
 * {@code off}, or unset) does not.
 */
class OnConvexLoggingCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Logging logging = Binder.get(context.getEnvironment())
			.bind("convex.logging", Logging.class)
			.orElse(Logging.OFF);
		ConditionMessage.Builder message = ConditionMessage.forCondition("Convex logging");
		return (logging != Logging.OFF) ? ConditionOutcome.match(message.because("convex.logging is " + logging))
				: ConditionOutcome.noMatch(message.because("convex.logging is off"));
	}

}
