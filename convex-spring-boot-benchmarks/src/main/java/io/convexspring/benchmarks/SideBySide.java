package io.convexspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.sun.management.ThreadMXBean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import io.convexspring.benchmarks.Payloads.EmailReceipt;
import io.convexspring.client.BenchmarkAccess;
import io.convexspring.codec.ConvexCodec;

/**
 * The HTTP benchmarks interleaved, for a machine too noisy for one benchmark after another:
 * each round runs every contestant for the same number of calls, one right after the other,
 * and the ratio to {@code rawWebClient} is taken within each round, then the median over the
 * rounds. With {@code --npm DIR} the official npm client (node/npm-client.mjs, after
 * {@code npm ci} in DIR) runs in the same rounds against the same loopback server; with
 * {@code --breakdown true}, two more contestants show where the client's extra time goes.
 *
 * <p>Then the same rounds with {@code --concurrency} calls in flight (64 by default; a closed
 * loop: each call that ends starts the next), for {@code rawWebClient} and
 * {@code convexClient}; and one run of {@code --inflight} calls all at once (10,000 by
 * default) against a server that answers each after {@code --inflight-delay-ms} (1,000),
 * reporting the time until the last answer and the peak heap, sampled every 5 ms, next to the
 * raw {@code WebClient} on the same server. 0 skips either.
 *
 * <p>With {@code --observed true} (the default), three more contestants run in every round,
 * sequential and concurrent: the client of a Boot application with Actuator
 * ({@link BootedClient}), with metrics, with metrics and the WebClient's own
 * {@code http.client.requests} observation as well ({@code convex.metrics.http-client-requests}),
 * and with metrics and {@code convex.logging=info} written to a file; {@code --log-config}
 * gives Logback a configuration of its own, e.g.
 * {@code classpath:convex-async-logback.xml} for the lines through an {@code AsyncAppender}. Last,
 * {@link StartupProbe} times {@code --startup-runs} fresh starts of a minimal application with
 * and without the starter. {@code --only REGEX} keeps the contestants it matches (and
 * {@code rawWebClient}), e.g. for a profile of one of them.
 *
 * <pre class="code">
 * java -Xms1g -Xmx1g -cp benchmarks.jar io.convexspring.benchmarks.SideBySide [--rounds 20]
 *     [--warmup 5] [--calls 2000] [--npm convex-spring-boot-benchmarks/node] [--breakdown true]
 *     [--concurrency 64] [--inflight 10000] [--inflight-delay-ms 1000] [--observed true]
 *     [--startup-runs 5] [--only REGEX] [--log-config classpath:convex-async-logback.xml]
 * </pre>
 *
 * Allocation is counted on every JVM thread but the loopback server's, so it is the client's
 * own (caller and event loop); the npm client's is not measured.
 */
public final class SideBySide {

	private SideBySide() {
	}

	/**
	 * Runs the rounds and prints the table.
	 * @param args options, see the class description
	 * @throws Exception as a contestant fails
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
		int calls = Integer.parseInt(options.getOrDefault("calls", "2000"));
		HttpClientBenchmarks http = new HttpClientBenchmarks();
		http.start();
		NpmClient npm = options.containsKey("npm") ? new NpmClient(Path.of(options.get("npm")), http.server.url())
				: null;
		Map<String, BootedClient> observed = new LinkedHashMap<>();
		if (Boolean.parseBoolean(options.getOrDefault("observed", "true"))) {
			Files.deleteIfExists(BootedClient.LOG_FILE);
			// one Logback for the whole JVM: --log-config applies to every contestant's lines
			Map<String, Object> common = options.containsKey("log-config")
					? Map.of("logging.config", options.get("log-config")) : Map.of();
			observed.put("metrics", BootedClient.start(http.server.url(), common));
			observed.put("metrics + http obs", BootedClient.start(http.server.url(),
					with(common, "convex.metrics.http-client-requests", "true")));
			observed.put("metrics + log file", BootedClient.start(http.server.url(),
					with(common, "convex.logging", "info")));
		}
		try {
			Map<String, Contestant> contestants = new LinkedHashMap<>();
			contestants.put("rawWebClient", calls(() -> http.rawWebClient().length));
			contestants.put("convexClient", calls(() -> http.convexClient().sentAt() > 0 ? 1 : 0));
			contestants.put("convexClientBlocking", calls(() -> http.convexClientBlocking().sentAt() > 0 ? 1 : 0));
			observed.forEach((name, booted) -> contestants.put(name,
					calls(() -> booted.client().execute(Payloads.SEND_EMAIL, Payloads.ARGS).block().sentAt() > 0 ? 1 : 0)));
			if (npm != null) {
				contestants.put("npm ConvexHttpClient", npm::run);
			}
			if (Boolean.parseBoolean(options.get("breakdown"))) {
				Breakdown breakdown = new Breakdown(http);
				contestants.put("raw + codec", calls(breakdown::rawPlusCodec));
				contestants.put("raw, transport's join", calls(breakdown::rawWithTransportPlumbing));
			}
			Map<String, List<Measured>> results = new LinkedHashMap<>();
			only(contestants, options);
			contestants.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
			List<String> names = new ArrayList<>(contestants.keySet());
			for (int round = 0; round < warmup + rounds; round++) {
				// a different order each round, so that none always runs first
				for (int i = 0; i < names.size(); i++) {
					String name = names.get((i + round) % names.size());
					Measured measured = contestants.get(name).run(calls);
					if (round >= warmup) {
						results.get(name).add(measured);
					}
				}
				System.out.printf(Locale.ROOT, "round %d/%d%s%n", round + 1, warmup + rounds,
						(round < warmup) ? " (warm-up)" : "");
			}
			print(results, calls);
			int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
			if (concurrency > 0) {
				concurrent(http, observed, options, concurrency, warmup, rounds, calls);
			}
		}
		finally {
			observed.values().forEach(BootedClient::close);
			if (npm != null) {
				npm.close();
			}
			http.stop();
		}
		int startupRuns = Integer.parseInt(options.getOrDefault("startup-runs", "5"));
		if (startupRuns > 0) {
			StartupProbe.measure(startupRuns, "https://happy-animal-123.convex.cloud");
		}
		int inflight = Integer.parseInt(options.getOrDefault("inflight", "10000"));
		if (inflight > 0) {
			inFlight(inflight, Duration.ofMillis(Long.parseLong(options.getOrDefault("inflight-delay-ms", "1000"))));
		}
	}

	private static Map<String, Object> with(Map<String, Object> common, String name, Object value) {
		Map<String, Object> properties = new LinkedHashMap<>(common);
		properties.put(name, value);
		return properties;
	}

	/** The raw WebClient and the client, each with this many calls in flight, interleaved. */
	private static void concurrent(HttpClientBenchmarks http, Map<String, BootedClient> observed,
			Map<String, String> options, int concurrency, int warmup, int rounds, int calls) {
		Map<String, Contestant> contestants = new LinkedHashMap<>();
		contestants.put("rawWebClient", inFlight(() -> http.rawWebClientCall().map((body) -> body.length), concurrency));
		contestants.put("convexClient", inFlight(() -> http.convexClientCall().map((receipt) -> 1), concurrency));
		observed.forEach((name, booted) -> contestants.put(name, inFlight(
				() -> booted.client().execute(Payloads.SEND_EMAIL, Payloads.ARGS).map((receipt) -> 1), concurrency)));
		Map<String, List<Measured>> results = new LinkedHashMap<>();
		only(contestants, options);
		contestants.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
		List<String> names = new ArrayList<>(contestants.keySet());
		for (int round = 0; round < warmup + rounds; round++) {
			for (int i = 0; i < names.size(); i++) {
				String name = names.get((i + round) % names.size());
				try {
					Measured measured = contestants.get(name).run(calls);
					if (round >= warmup) {
						results.get(name).add(measured);
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		System.out.printf(Locale.ROOT, "%n%d calls in flight (closed loop):%n", concurrency);
		print(results, calls);
	}

	/** With {@code --only REGEX}, keeps the contestants it matches, and rawWebClient, the bar. */
	private static void only(Map<String, Contestant> contestants, Map<String, String> options) {
		String only = options.get("only");
		if (only != null) {
			contestants.keySet().removeIf((name) -> !name.equals("rawWebClient") && !name.matches(only));
		}
	}

	private static Contestant inFlight(Supplier<Mono<Integer>> call, int concurrency) {
		return (calls) -> {
			long bytes = allocatedBytes();
			long cpu = threadsCpuNanos();
			long start = System.nanoTime();
			Long answered = Flux.range(0, calls).flatMap((i) -> call.get(), concurrency).count().block();
			long nanos = System.nanoTime() - start;
			cpu = threadsCpuNanos() - cpu;
			bytes = allocatedBytes() - bytes;
			if (answered == null || answered != calls) {
				throw new IllegalStateException("only " + answered + " of " + calls + " calls answered");
			}
			return new Measured(nanos, cpu, bytes);
		};
	}

	/**
	 * This many calls started at once against a server that answers each after the delay, for
	 * the raw WebClient and then the client: time to the last answer, failures, peak heap.
	 */
	private static void inFlight(int calls, Duration delay) throws InterruptedException {
		HttpClientBenchmarks http = new HttpClientBenchmarks();
		http.start(LoopbackConvexServer.start(Payloads.EMAIL_ENVELOPE, delay));
		try {
			System.out.printf(Locale.ROOT, "%n%,d calls in flight at once, each answered after %d ms:%n", calls,
					delay.toMillis());
			System.out.printf(Locale.ROOT, "%-24s %12s %10s %14s %16s%n", "contestant", "wall ms", "failed",
					"peak heap MiB", "heap/call KiB");
			allAtOnce("rawWebClient", () -> http.rawWebClientCall().map((body) -> body.length), calls);
			allAtOnce("convexClient", () -> http.convexClientCall().map((receipt) -> 1), calls);
			System.out.printf(Locale.ROOT, "(peak heap: used heap sampled every 5 ms from the start of the run, after a"
					+ " GC; heap/call: the peak less the heap at the start, over the calls; max heap %d MiB)%n",
					Runtime.getRuntime().maxMemory() >> 20);
		}
		finally {
			http.stop();
		}
	}

	private static void allAtOnce(String name, Supplier<Mono<Integer>> call, int calls) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				LockSupport.parkNanos(5_000_000);
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		AtomicLong failed = new AtomicLong();
		long start = System.nanoTime();
		Flux.range(0, calls)
			.flatMap((i) -> call.get().onErrorResume((ex) -> {
				failed.incrementAndGet();
				return Mono.empty();
			}), calls)
			.blockLast(Duration.ofMinutes(10));
		long millis = (System.nanoTime() - start) / 1_000_000;
		running.set(false);
		sampler.join();
		// an upper bound: the peak also holds garbage not yet collected
		System.out.printf(Locale.ROOT, "%-24s %12d %10d %14.1f %16.1f%n", name, millis, failed.get(),
				peak.get() / 1048576.0, (peak.get() - before) / 1024.0 / calls);
	}

	private static void print(Map<String, List<Measured>> results, int calls) {
		List<Measured> raw = results.get("rawWebClient");
		String columns = "%-24s %10s %10s %10s %10s %10s %8s%n";
		System.out.printf(Locale.ROOT, "%n" + columns, "", "wall", "wall", "calls/s", "CPU", "CPU", "client");
		System.out.printf(Locale.ROOT, columns, "contestant", "us/op", "ratio", "/ raw", "us/op", "ratio", "B/op");
		results.forEach((name, measured) -> {
			long bytes = median(measured.stream().mapToLong(Measured::bytes).sorted().toArray());
			double wallRatio = medianRatio(measured, raw, Measured::nanos);
			System.out.printf(Locale.ROOT, "%-24s %10.1f %10.3f %10.3f %10.1f %10.3f %8s%n", name,
					median(perOp(measured, Measured::nanos, calls)), wallRatio, 1 / wallRatio,
					median(perOp(measured, Measured::cpuNanos, calls)), medianRatio(measured, raw, Measured::cpuNanos),
					(bytes >= 0) ? Long.toString(bytes / calls) : "-");
		});
		System.out.printf(Locale.ROOT, "(medians of %d rounds of %d calls each; a ratio is the contestant's time over"
				+ " rawWebClient's in the same round; CPU: the Java threads of this JVM, the loopback server's"
				+ " included, and node's process; B/op: this JVM but the server; JDK %s, %d cores)%n", raw.size(),
				calls, Runtime.version(), Runtime.getRuntime().availableProcessors());
	}

	private static double[] perOp(List<Measured> measured, ToLongFunction<Measured> time, int calls) {
		return measured.stream().mapToDouble((m) -> time.applyAsLong(m) / 1000.0 / calls).sorted().toArray();
	}

	private static double medianRatio(List<Measured> measured, List<Measured> raw, ToLongFunction<Measured> time) {
		double[] ratios = new double[measured.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = (double) time.applyAsLong(measured.get(i)) / time.applyAsLong(raw.get(i));
		}
		Arrays.sort(ratios);
		return median(ratios);
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static long median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

	private static Contestant calls(IntSupplier call) {
		return (calls) -> {
			int sink = 0;
			long bytes = allocatedBytes();
			long cpu = threadsCpuNanos();
			long start = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				sink += call.getAsInt();
			}
			long nanos = System.nanoTime() - start;
			cpu = threadsCpuNanos() - cpu;
			bytes = allocatedBytes() - bytes;
			if (sink == 0) {
				throw new IllegalStateException("no result");
			}
			return new Measured(nanos, cpu, bytes);
		};
	}

	/**
	 * CPU time the JVM's live Java threads have used so far (the calling thread, the event
	 * loops, the server's), in nanoseconds: finer than the process's CPU time, which Linux
	 * counts in 10 ms ticks; GC and JIT threads are not counted.
	 */
	private static long threadsCpuNanos() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (long id : threads.getAllThreadIds()) {
			total += Math.max(0, threads.getThreadCpuTime(id));
		}
		return total;
	}

	/** Bytes allocated so far by the JVM's live threads, but the loopback server's. */
	private static long allocatedBytes() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && !info.getThreadName().startsWith(LoopbackConvexServer.THREAD_PREFIX)) {
				total += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
			}
		}
		return total;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --name value, found " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

	/**
	 * Where convexClient's extra time goes: the raw call plus the client's own writer and reader
	 * on the calling thread, and the raw call reading the body the way the transport does
	 * ({@code exchangeToMono}, {@code DataBufferUtils.join}, {@code handle}) without the codec.
	 */
	private static final class Breakdown {

		private final HttpClientBenchmarks http;

		private final BenchmarkAccess access;

		private final JavaType receiptType;

		Breakdown(HttpClientBenchmarks http) {
			this.http = http;
			ConvexCodec codec = ConvexCodec.create();
			this.access = new BenchmarkAccess(codec);
			this.receiptType = codec.javaType(EmailReceipt.class);
		}

		int rawPlusCodec() {
			byte[] body = this.access.writeActionRequest(Payloads.SEND_EMAIL_PATH, Payloads.ARGS);
			byte[] answer = post(body).retrieve().bodyToMono(byte[].class).block();
			EmailReceipt receipt = (EmailReceipt) this.access.readActionResponse(Payloads.SEND_EMAIL_PATH,
					answer, this.receiptType);
			return (receipt.sentAt() > 0) ? 1 : 0;
		}

		int rawWithTransportPlumbing() {
			byte[] answer = Mono.defer(() -> post(this.http.requestBody)
				.exchangeToMono((response) -> DataBufferUtils
					.join(response.body(BodyExtractors.toDataBuffers()), Integer.MAX_VALUE)
					.<byte[]>handle((buffer, sink) -> {
						byte[] bytes = new byte[buffer.readableByteCount()];
						buffer.read(bytes);
						DataBufferUtils.release(buffer);
						sink.next(bytes);
					}))
				.onErrorMap((failure) -> !(failure instanceof IllegalStateException), IllegalStateException::new))
				.block();
			return answer.length;
		}

		private WebClient.RequestHeadersSpec<?> post(byte[] body) {
			return this.http.rawWebClient.post()
				.uri(this.http.actionEndpoint)
				.contentType(MediaType.APPLICATION_JSON)
				.header(BenchmarkAccess.CLIENT_HEADER_NAME, BenchmarkAccess.CLIENT_HEADER_VALUE)
				.bodyValue(body);
		}

	}

	private interface Contestant {

		Measured run(int calls) throws IOException;

	}

	/**
	 * One contestant's round: wall time, CPU time (this JVM's Java threads, the loopback
	 * server's included, and the npm client's node process), bytes allocated (-1: not
	 * measured).
	 */
	private record Measured(long nanos, long cpuNanos, long bytes) {
	}

	/** The npm client's process, driven one round at a time over stdin and stdout. */
	private static final class NpmClient implements AutoCloseable {

		private final Process process;

		private final Writer commands;

		private final BufferedReader answers;

		NpmClient(Path directory, String url) throws IOException {
			if (!Files.isDirectory(directory.resolve("node_modules/convex"))) {
				throw new IllegalStateException("run `npm ci` in " + directory + " first");
			}
			this.process = new ProcessBuilder("node", "npm-client.mjs", url).directory(directory.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			this.commands = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
			this.answers = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		}

		Measured run(int calls) throws IOException {
			long cpu = threadsCpuNanos();
			this.commands.write(calls + "\n");
			this.commands.flush();
			String answer = this.answers.readLine();
			cpu = threadsCpuNanos() - cpu;
			if (answer == null || !answer.contains("\"id\":\"" + Payloads.RECEIPT.id() + "\"")) {
				throw new IllegalStateException("the npm client answered " + answer);
			}
			long nodeCpu = 1000 * Long.parseLong(field(answer, "cpuMicros"));
			return new Measured(Long.parseLong(field(answer, "nanos")), cpu + nodeCpu, -1);
		}

		private static String field(String json, String name) {
			int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
			int end = start;
			while (end < json.length() && Character.isDigit(json.charAt(end))) {
				end++;
			}
			return json.substring(start, end);
		}

		@Override
		public void close() {
			try {
				this.commands.close();
			}
			catch (IOException ex) {
				// the process has gone already
			}
			try {
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process.destroy();
		}

	}

}
