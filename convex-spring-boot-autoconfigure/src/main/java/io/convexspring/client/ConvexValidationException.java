package io.convexspring.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The arguments break their constraint annotations (Jakarta Bean Validation, e.g.
 * {@code @NotBlank}, {@code @Email}), so nothing was sent. Raised before any request by an
 * action handle, and by every client with {@code convex.validation.enabled=true};
 * {@link #violations()} lists each broken constraint.
 *
 * @see io.convexspring.state.ConvexActionHandle
 */
public final class ConvexValidationException extends ConvexArgumentException {

	private final List<Violation> violations;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param violations the broken constraints, at least one
	 * @throws IllegalArgumentException if there are no violations
	 */
	public ConvexValidationException(FunctionKind kind, String path, List<Violation> violations) {
		super(kind, path, argumentPath(violations), reason(violations), null);
		this.violations = List.copyOf(violations);
	}

	private static String argumentPath(List<Violation> violations) {
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("violations must not be empty");
		}
		return (violations.size() == 1) ? violations.get(0).field() : "";
	}

	private static String reason(List<Violation> violations) {
		if (violations.size() == 1) {
			return violations.get(0).message();
		}
		return violations.size() + " constraint violations: "
				+ violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
	}

	/**
	 * Returns the broken constraints, in a stable order.
	 * @return the violations, never empty
	 */
	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One broken constraint.
	 *
	 * @param field where in the arguments, e.g. {@code to} or {@code items[0].qty}; empty for
	 * the arguments as a whole
	 * @param message what is wrong, e.g. {@code must not be blank}
	 */
	public record Violation(String field, String message) {

		/**
		 * Creates a violation.
		 * @param field where in the arguments
		 * @param message what is wrong
		 */
		public Violation {
			Objects.requireNonNull(field, "field must not be null");
			Objects.requireNonNull(message, "message must not be null");
		}

		@Override
		public String toString() {
			return this.field.isEmpty() ? this.message : this.field + ": " + this.message;
		}

	}

}
