package io.convexspring.state;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.validation.annotation.Validated;

import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexFunction;
import io.convexspring.client.ConvexValidationException;

/**
 * An {@link ArgumentValidator} on Jakarta Bean Validation: the constraint annotations on the
 * argument record or bean ({@code @NotBlank}, {@code @Email}, {@code @Valid} for nested ones)
 * are checked, in the groups Spring's {@code @Validated} on the argument type names (else the
 * default group), and every violation is listed in one {@link ConvexValidationException}. Only
 * loaded when Bean Validation is on the class path.
 */
public final class BeanValidationArgumentValidator implements ArgumentValidator {

	private static final Comparator<ConvexValidationException.Violation> ORDER = Comparator
		.comparing(ConvexValidationException.Violation::field)
		.thenComparing(ConvexValidationException.Violation::message);

	private final Validator validator;

	/**
	 * Creates a validator on a Bean Validation {@link Validator}, e.g. the application's.
	 * @param validator the validator
	 */
	public BeanValidationArgumentValidator(Validator validator) {
		this.validator = Objects.requireNonNull(validator, "validator must not be null");
	}

	/**
	 * Creates a validator on Bean Validation's default provider.
	 * @return the validator
	 * @throws ValidationException if there is no provider
	 */
	static BeanValidationArgumentValidator withDefaultProvider() {
		return new BeanValidationArgumentValidator(Validation.buildDefaultValidatorFactory().getValidator());
	}

	/** The groups {@code @Validated} on the argument type names; none means the default group. */
	private static Class<?>[] groups(Class<?> argumentType) {
		Validated validated = AnnotationUtils.findAnnotation(argumentType, Validated.class);
		return (validated != null) ? validated.value() : new Class<?>[0];
	}

	@Override
	public void validate(ConvexFunction<?, ?> function, Object args) {
		Set<ConstraintViolation<Object>> violations;
		try {
			violations = this.validator.validate(args, groups(args.getClass()));
		}
		catch (ValidationException ex) {
			throw new ConvexArgumentException(function.kind(), function.path(), "",
					"the arguments could not be validated (" + ex.getMessage() + ")", ex);
		}
		if (!violations.isEmpty()) {
			List<ConvexValidationException.Violation> listed = violations.stream()
				.map((violation) -> new ConvexValidationException.Violation(violation.getPropertyPath().toString(),
						violation.getMessage()))
				.sorted(ORDER)
				.toList();
			throw new ConvexValidationException(function.kind(), function.path(), listed);
		}
	}

}
