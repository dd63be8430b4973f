package io.convexspring.sample.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the {@link DemoConvexBackend}.
 *
 * @param reportDuration how long {@code reports:generate} pretends to work before it answers;
 *     long enough by default to show a slow action in the UI, shortened by tests
 */
public record DemoSettings(Duration reportDuration) {

	private static final Duration DEFAULT_REPORT_DURATION = Duration.ofSeconds(3);

	/**
	 * Checks the settings.
	 * @param reportDuration the simulated report duration, zero or more
	 */
	public DemoSettings {
		Objects.requireNonNull(reportDuration, "reportDuration");
		if (reportDuration.isNegative()) {
			throw new IllegalArgumentException("reportDuration must not be negative: " + reportDuration);
		}
	}

	/**
	 * The settings the sample app runs with.
	 * @return settings with a 3 second report duration
	 */
	public static DemoSettings defaults() {
		return new DemoSettings(DEFAULT_REPORT_DURATION);
	}

}
