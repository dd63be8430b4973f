package io.convexspring.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Start-up failure: a {@code convex.*} property is set that no Convex module declares, most
 * likely a misspelt one ({@code convex.urll}), which would otherwise be silently ignored.
 * Reported by {@link UnknownConvexPropertyFailureAnalyzer}; switched off with
 * {@code convex.fail-on-unknown-properties=false}.
 */
public class UnknownConvexPropertyException extends IllegalStateException {

	private final List<UnknownProperty> properties;

	UnknownConvexPropertyException(List<UnknownProperty> properties) {
		super("Unknown Convex configuration properties: " + properties.stream()
			.map(UnknownProperty::toString)
			.collect(Collectors.joining("; ")));
		this.properties = List.copyOf(properties);
	}

	/**
	 * Returns the unknown properties, each with the known one closest to it.
	 * @return the properties
	 */
	public List<UnknownProperty> getProperties() {
		return this.properties;
	}

	/**
	 * One unknown property.
	 *
	 * @param name the name as it was written
	 * @param origin where it was set (the property source)
	 * @param closest the known property closest to it, if any
	 */
	public record UnknownProperty(String name, String origin, String closest) {

		@Override
		public String toString() {
			return "'" + this.name + "' (in " + this.origin + ")"
					+ (this.closest.isEmpty() ? "" : ": did you mean '" + this.closest + "'?");
		}

	}

}
