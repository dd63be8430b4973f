package io.convexspring.sample.demo;

import java.util.regex.Pattern;

/**
 * A function's identifier, {@code module:function}. Parsed with the backend's rules so that a
 * client sending a path the real backend would refuse finds out against the demo too.
 *
 * @param module the module, which may hold {@code /} ({@code dir/mod})
 * @param function the exported function's name
 */
record FunctionPath(String module, String function) {

	private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_\\-.]+(/[A-Za-z0-9_\\-.]+)*");

	private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	/**
	 * Parses a path as sent by a client.
	 * @throws IllegalArgumentException where the backend would answer BadConvexFunctionIdentifier
	 */
	static FunctionPath parse(String path) {
		int colon = path.lastIndexOf(':');
		// No colon names the module's default export.
		String module = (colon < 0) ? path : path.substring(0, colon);
		String function = (colon < 0) ? "default" : path.substring(colon + 1);
		// Clients may name the module by its bundled file; the backend drops the extension.
		if (module.endsWith(".js")) {
			module = module.substring(0, module.length() - 3);
		}
		if (!MODULE.matcher(module).matches() || !FUNCTION.matcher(function).matches()) {
			throw new IllegalArgumentException("Couldn't parse function path '" + path
					+ "': expected module:function, with a function name of letters, digits and '_'");
		}
		return new FunctionPath(module, function);
	}

	@Override
	public String toString() {
		return this.module + ":" + this.function;
	}

}
