package io.convexspring.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link UnknownConvexPropertyException} at start-up: each unknown key, where it
 * was set, and the known key closest to it.
 */
class UnknownConvexPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnknownConvexPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownConvexPropertyException cause) {
		String description = "Convex configuration properties that no Convex module declares are set, so they "
				+ "would be ignored:\n\n" + cause.getProperties()
					.stream()
					.map((property) -> "    " + property)
					.collect(Collectors.joining("\n"));
		String action = "Correct the names (the Convex properties are listed in the README's configuration "
				+ "table, and your IDE completes them), or remove them. To start anyway, set "
				+ "convex.fail-on-unknown-properties=false.";
		return new FailureAnalysis(description, action, cause);
	}

}
