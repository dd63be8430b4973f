package io.convexspring.state;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexFunction;
import io.convexspring.client.ConvexValidationException;

/**
 * Checks an action's arguments before a {@link ConvexActionHandle} sends anything. The
 * auto-configuration passes one to the {@link ConvexActionClient}: where Jakarta Bean
 * Validation is on the class path, a {@link BeanValidationArgumentValidator} on the
 * application's {@code Validator}, or {@link #detect()} without one; {@link #none()}
 * otherwise. Declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface ArgumentValidator {

	/**
	 * Checks the arguments of one execution.
	 * @param function the function about to be called
	 * @param args the arguments, not {@code null}
	 * @throws ConvexValidationException if they break their constraints
	 * @throws ConvexArgumentException if they cannot be checked
	 */
	void validate(ConvexFunction<?, ?> function, Object args);

	/**
	 * Returns a validator that accepts all arguments.
	 * @return the validator
	 */
	static ArgumentValidator none() {
		return (function, args) -> {
		};
	}

	/**
	 * Returns a validator that uses Bean Validation's default provider when one is on the
	 * class path (built once, on first use), and accepts all arguments otherwise.
	 * @return the validator
	 */
	static ArgumentValidator detect() {
		return DefaultArgumentValidator.INSTANCE;
	}

}
