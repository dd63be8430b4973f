package io.convexspring.maven.spec;

import org.jspecify.annotations.Nullable;

/**
 * One query, mutation or action of a function spec.
 *
 * @param identifier the spec's identifier, e.g. {@code dir/mod.js:fn}
 * @param kind {@code Query}, {@code Mutation} or {@code Action}
 * @param internal whether the function is internal (callable only with an admin key)
 * @param args the arguments' validator ({@code any} when the function declares none)
 * @param returns the result's validator, {@code null} when the function declares none
 * @param docs the function's JSDoc, when the spec carries it
 */
public record FunctionSpec(String identifier, String kind, boolean internal, Validator args,
		@Nullable Validator returns, @Nullable String docs) {

	/**
	 * Returns the module path without {@code .js}, e.g. {@code dir/mod}.
	 * @return the module path
	 */
	public String modulePath() {
		String module = this.identifier.substring(0, this.identifier.lastIndexOf(':'));
		return module.endsWith(".js") ? module.substring(0, module.length() - 3) : module;
	}

	/**
	 * Returns the export's name, e.g. {@code fn} or {@code default}.
	 * @return the export's name
	 */
	public String exportName() {
		return this.identifier.substring(this.identifier.lastIndexOf(':') + 1);
	}

	/**
	 * Returns the path a client calls, e.g. {@code dir/mod:fn}.
	 * @return the call path
	 */
	public String callPath() {
		return modulePath() + ":" + exportName();
	}

}
