package io.convexspring.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time the starter adds to a minimal Boot application beyond its dependencies: the same
 * application (every auto-configuration on this class path, no web server) started in a fresh
 * JVM with and without the starter's auto-configurations, alternately, median over the runs.
 * With {@code child} as its argument it is the child: it starts the application once and
 * prints the milliseconds {@code SpringApplication.run} took.
 */
public final class StartupProbe {

	private static final String CONVEX_AUTO_CONFIGURATIONS = "io.convexspring.autoconfigure.ConvexAutoConfiguration,"
			+ "io.convexspring.autoconfigure.ConvexObservationAutoConfiguration,"
			+ "io.convexspring.autoconfigure.ConvexHealthContributorAutoConfiguration,"
			+ "io.convexspring.autoconfigure.ConvexEndpointAutoConfiguration";

	private StartupProbe() {
	}

	/**
	 * The child's entry point.
	 * @param args {@code with} or {@code without} the starter, and the deployment URL
	 */
	public static void main(String[] args) {
		boolean withStarter = "with".equals(args[0]);
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(Map.of("convex.url", args[1], "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "spring.autoconfigure.exclude",
				withStarter ? "" : CONVEX_AUTO_CONFIGURATIONS));
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		context.close();
		System.out.println("startup-ms " + millis);
	}

	/**
	 * Starts child JVMs, alternately with and without the starter, and prints the medians.
	 * @param runs how many children of each
	 * @param url a deployment URL (nothing is called)
	 * @throws Exception as a child fails
	 */
	static void measure(int runs, String url) throws Exception {
		List<Long> with = new ArrayList<>();
		List<Long> without = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			without.add(child("without", url));
			with.add(child("with", url));
		}
		long medianWith = median(with);
		long medianWithout = median(without);
		System.out.printf(Locale.ROOT, "%nstart-up (SpringApplication.run, fresh JVM, median of %d): without the"
				+ " starter %d ms, with it %d ms, the starter adds %d ms%n", runs, medianWithout, medianWith,
				medianWith - medianWithout);
	}

	private static long child(String mode, String url) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), mode, url)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		if (process.waitFor() != 0 || !output.contains("startup-ms ")) {
			throw new IllegalStateException("the start-up probe failed: " + output);
		}
		String tail = output.substring(output.lastIndexOf("startup-ms ") + 11).trim();
		return Long.parseLong(tail.split("\\s")[0]);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/** A minimal application: auto-configuration only. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
