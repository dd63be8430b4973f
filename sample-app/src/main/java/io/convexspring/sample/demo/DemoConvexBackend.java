package io.convexspring.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Convex deployment served in-process on {@code 127.0.0.1}, speaking the real HTTP
 * protocol ({@code POST /api/action|mutation|query}, the lossless value encoding, the backend's
 * error shapes), so the sample app and its clients run with no Convex account. It hosts a fixed
 * set of demo functions: {@code emails:send}, {@code ai:generateImage}, {@code files:process},
 * {@code payments:createCheckoutSession}, {@code payments:charge}, {@code reports:generate},
 * {@code orders:save} and {@code orders:list}; their behaviour is tuned by {@link DemoSettings}.
 *
 * <pre>{@code
 * try (DemoConvexBackend backend = DemoConvexBackend.start(0, DemoSettings.defaults())) {
 *     String deploymentUrl = backend.url();
 * }
 * }</pre>
 */
public final class DemoConvexBackend implements AutoCloseable {

	/** Enough for a few slow reports to run while quick calls still get a thread. */
	private static final int WORKER_THREADS = 8;

	private static final String HOST = "127.0.0.1";

	private final HttpServer server;

	private final ExecutorService executor;

	private final AtomicBoolean closed = new AtomicBoolean();

	private DemoConvexBackend(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts serving the demo functions.
	 * @param port the port to listen on, or 0 for any free port (see {@link #url()})
	 * @param settings how the demo functions behave
	 * @return the running backend; close it to stop
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public static DemoConvexBackend start(int port, DemoSettings settings) {
		FunctionRegistry registry = new FunctionRegistry();
		EmailFunctions.registerTo(registry);
		ImageFunctions.registerTo(registry);
		FileFunctions.registerTo(registry);
		PaymentFunctions.registerTo(registry);
		OrderStore orders = new OrderStore();
		ReportFunctions.registerTo(registry, settings, orders);
		OrderFunctions.registerTo(registry, orders);
		// The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
		// waits ~40 ms for the client's delayed ACK. Read once, when the first server is created.
		System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the demo Convex backend on port " + port, ex);
		}
		server.createContext("/api/", new ApiHandler(JsonMapper.builder().build(), new FunctionRunner(registry)));
		server.createContext("/version", plainText("/version", "demo-backend-1.0.0"));
		server.createContext("/instance_name", plainText("/instance_name", "demo"));
		ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
		server.setExecutor(executor);
		server.start();
		return new DemoConvexBackend(server, executor);
	}

	/**
	 * The deployment URL to give a Convex client.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://" + HOST + ":" + this.server.getAddress().getPort();
	}

	/** Stops serving; calls in flight, such as a sleeping report, are interrupted. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	/** The backend's health endpoints: the exact path only, as the context also matches longer ones. */
	private static HttpHandler plainText(String path, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		return (exchange) -> {
			try (exchange) {
				boolean found = exchange.getRequestURI().getPath().equals(path);
				exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
				exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
				if (found) {
					exchange.getResponseBody().write(body);
				}
			}
		};
	}

	/** Daemon threads, so a forgotten backend never keeps the JVM alive. */
	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "demo-convex-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
