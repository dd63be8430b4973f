package io.convexspring.test.server;

import java.util.regex.Pattern;

/**
 * Function paths with the backend's rules: {@code module:function}, the module possibly holding
 * {@code /}; a bare module names its default export; a trailing {@code .js} on the module is
 * dropped. A path the backend would refuse is refused here too.
 */
final class FunctionPaths {

	private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_\\-.]+(/[A-Za-z0-9_\\-.]+)*");

	private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

	private FunctionPaths() {
	}

	/**
	 * The canonical form of a path.
	 * @throws IllegalArgumentException where the backend answers BadConvexFunctionIdentifier
	 */
	static String canonical(String path) {
		int colon = path.lastIndexOf(':');
		String module = (colon < 0) ? path : path.substring(0, colon);
		String function = (colon < 0) ? "default" : path.substring(colon + 1);
		if (module.endsWith(".js")) {
			module = module.substring(0, module.length() - 3);
		}
		if (!MODULE.matcher(module).matches() || !FUNCTION.matcher(function).matches()) {
			throw new IllegalArgumentException("Couldn't parse function path '" + path
					+ "': expected module:function, with a function name of letters, digits and '_'");
		}
		return module + ":" + function;
	}

	/** The module part of a canonical path, for the made-up stack frame of uncaught errors. */
	static String module(String canonicalPath) {
		return canonicalPath.substring(0, canonicalPath.lastIndexOf(':'));
	}

}
