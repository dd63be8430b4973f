package io.convexspring.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * The time the starter adds to a minimal Boot application beyond its dependencies: the same
 * application (every auto-configuration on this class path, no web server) started in a fresh
 * JVM with and without the starter's auto-configurations, alternately, median over the runs.
 * With {@code with} or {@code without} as its argument it is the child: it starts the
 * application once and prints the milliseconds {@code SpringApplication.run} took and, with
 * the starter, how long each of the starter's beans took to instantiate (inclusive of the
 * beans it needed first), as {@link BufferingApplicationStartup} records them in both
 * children alike.
 */
public final class StartupProbe {

	private static final String STARTER_PACKAGE = "io.convexspring.";

	private static final String BEAN_INSTANTIATION = "spring.beans.instantiate";

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
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		application.setDefaultProperties(Map.of("convex.url", args[1], "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "spring.autoconfigure.exclude",
				withStarter ? "" : String.join(",", starterAutoConfigurations())));
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		context.close();
		if (withStarter) {
			starterBeans(startup.getBufferedTimeline()).forEach((bean, micros) -> System.out
				.printf(Locale.ROOT, "bean-us %s %d%n", bean, micros));
		}
		System.out.println("startup-ms " + millis);
	}

	/**
	 * The starter's auto-configurations, as its {@code AutoConfiguration.imports} lists them
	 * (merged with every other jar's in a shaded jar, hence the package filter), so that the
	 * child without the starter leaves out every one of them, however many there are.
	 */
	static List<String> starterAutoConfigurations() {
		List<String> names = StreamSupport
			.stream(ImportCandidates.load(AutoConfiguration.class, StartupProbe.class.getClassLoader()).spliterator(),
					false)
			.filter((name) -> name.startsWith(STARTER_PACKAGE))
			.distinct()
			.toList();
		if (names.isEmpty()) {
			throw new IllegalStateException("no auto-configuration of the starter's on the class path");
		}
		return names;
	}

	/**
	 * How long each of the starter's beans took to instantiate, in microseconds: those whose
	 * name or type is the starter's (its package, or a name with {@code convex} in it).
	 */
	private static Map<String, Long> starterBeans(StartupTimeline timeline) {
		Map<String, Long> beans = new TreeMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			if (!BEAN_INSTANTIATION.equals(step.getName())) {
				continue;
			}
			String name = null;
			String type = "";
			for (StartupStep.Tag tag : step.getTags()) {
				if (tag.getKey().equals("beanName")) {
					name = tag.getValue();
				}
				else if (tag.getKey().equals("beanType")) {
					type = tag.getValue();
				}
			}
			if (name != null && (name.toLowerCase(Locale.ROOT).contains("convex") || type.contains(STARTER_PACKAGE))) {
				beans.merge(name, event.getDuration().toNanos() / 1_000, Long::sum);
			}
		}
		return beans;
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
		Map<String, List<Long>> beans = new TreeMap<>();
		for (int i = 0; i < runs; i++) {
			without.add(startupMillis(child("without", url)));
			String output = child("with", url);
			with.add(startupMillis(output));
			output.lines()
				.filter((line) -> line.startsWith("bean-us "))
				.map((line) -> line.split(" "))
				.forEach((parts) -> beans.computeIfAbsent(parts[1], (bean) -> new ArrayList<>())
					.add(Long.parseLong(parts[2])));
		}
		long medianWith = median(with);
		long medianWithout = median(without);
		System.out.printf(Locale.ROOT, "%nstart-up (SpringApplication.run, fresh JVM, median of %d): without the"
				+ " starter %d ms, with it %d ms, the starter adds %d ms%n", runs, medianWithout, medianWith,
				medianWith - medianWithout);
		Map<String, Long> medians = beans.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> median(entry.getValue())));
		System.out.println("the starter's slowest beans to instantiate (median ms, inclusive of what they need):");
		medians.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(12)
			.forEach((entry) -> System.out.printf(Locale.ROOT, "  %-50s %6.1f%n", entry.getKey(),
					entry.getValue() / 1000.0));
	}

	private static long startupMillis(String output) {
		String tail = output.substring(output.lastIndexOf("startup-ms ") + 11).trim();
		return Long.parseLong(tail.split("\\s")[0]);
	}

	private static String child(String mode, String url) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), mode, url)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		if (process.waitFor() != 0 || !output.contains("startup-ms ")) {
			throw new IllegalStateException("the start-up probe failed: " + output);
		}
		return output;
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
