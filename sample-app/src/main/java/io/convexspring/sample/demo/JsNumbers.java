package io.convexspring.sample.demo;

/**
 * Prints a float64 the way JavaScript's {@code String(n)} does for the numbers the demo logs
 * ({@code 2000}, not {@code 2000.0}), so demo log lines read like a real deployment's.
 */
final class JsNumbers {

	private JsNumbers() {
	}

	static String format(double value) {
		if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e21) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

}
