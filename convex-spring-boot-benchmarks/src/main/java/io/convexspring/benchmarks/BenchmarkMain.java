package io.convexspring.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The main class of {@code benchmarks.jar}: JMH's own command line, with {@code -prof gc}
 * added unless it is already there, so every run reports bytes allocated per operation
 * ({@code gc.alloc.rate.norm}).
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Runs JMH.
	 * @param args JMH's arguments, e.g. {@code HttpClientBenchmarks -prof stack}
	 * @throws Exception as JMH fails
	 */
	public static void main(String[] args) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(args));
		boolean gcProfiler = false;
		for (int i = 0; i + 1 < arguments.size(); i++) {
			gcProfiler |= arguments.get(i).equals("-prof") && arguments.get(i + 1).startsWith("gc");
		}
		if (!gcProfiler) {
			arguments.addAll(0, List.of("-prof", "gc"));
		}
		org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
	}

}
