package io.convexspring.client;

import java.util.regex.Pattern;

/**
 * Checks Convex function paths ({@code module:function}, {@code dir/module:function}, or a bare
 * module for its default export) before anything is sent.
 */
final class FunctionPaths {

	private static final Pattern PATH = Pattern
		.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*(:[A-Za-z_][A-Za-z0-9_]{0,63})?");

	private FunctionPaths() {
	}

	static String check(String path) {
		if (path == null || !PATH.matcher(path).matches()) {
			throw new IllegalArgumentException("Invalid Convex function path '" + path
					+ "': expected 'module:function' (e.g. 'emails:send' or 'dir/module:function'), where the"
					+ " function name starts with a letter or '_', then letters, digits or '_', at most 64 characters");
		}
		return path;
	}

}
