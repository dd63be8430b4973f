package io.convexspring.test.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

/**
 * A Convex deployment in the test's JVM, on {@code 127.0.0.1}: Java functions registered by path
 * and kind, served over the real HTTP function protocol ({@code POST /api/query|mutation|action}
 * with the lossless encoding, {@code logLines} and the backend's error shapes, plus
 * {@code GET /version} and {@code /instance_name}) and the real WebSocket sync protocol
 * ({@code /api/sync} and {@code /api/{version}/sync}: query sets, Transitions, mutations with
 * read-your-writes and de-duplication, actions, authentication, pings, fatal errors), so the
 * starter's clients and the official npm clients run against it unchanged.
 *
 * <p>Mutations run one at a time and each commit takes a new timestamp; after each commit every
 * socket re-runs its subscribed queries and gets one Transition with the results that changed.
 *
 * <pre>{@code
 * try (LocalConvexDeployment convex = LocalConvexDeployment.builder()
 *         .query("messages:list", (call) -> messages.newest(10))
 *         .mutation("messages:send", (call) -> messages.add(call.args(Message.class)))
 *         .start()) {
 *     String deploymentUrl = convex.url();
 * }
 * }</pre>
 *
 * <p>For fault tests: {@link #dropConnections()} cuts every sync socket, {@link #invalidate}
 * pushes new query results without a mutation, and a handler may throw
 * {@link ConnectionDroppedException} or {@link RequestRefusedException}. Thread-safe.
 */
public final class LocalConvexDeployment implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final DisposableServer server;

	private final Backend backend;

	private final ExecutorService workers;

	private final Scheduler scheduler;

	private final AtomicBoolean closed = new AtomicBoolean();

	private LocalConvexDeployment(Builder builder) {
		this.workers = Executors.newCachedThreadPool(daemonThreads());
		this.scheduler = Schedulers.fromExecutorService(this.workers, "local-convex");
		this.backend = new Backend(new FunctionRunner(builder.registry, builder.codec), builder.tokenVerifier,
				this.workers);
		HttpFunctionApi api = new HttpFunctionApi(this.backend, this.scheduler);
		SyncEndpoint sync = new SyncEndpoint(this.backend, builder.pingInterval, builder.transitionChunkSize);
		String version = builder.backendVersion;
		String instanceName = builder.instanceName;
		try {
			this.server = HttpServer.create()
				.host(HOST)
				.port(builder.port)
				.route((routes) -> routes.post("/api/{kind}", api::handle)
					.ws("/api/sync", sync::handle, SyncEndpoint.SPEC)
					.ws("/api/{version}/sync", sync::handle, SyncEndpoint.SPEC)
					.get("/version", (request, response) -> plainText(response, version))
					.get("/instance_name", (request, response) -> plainText(response, instanceName))
					.route((request) -> request.uri().startsWith("/api/"), HttpFunctionApi::notFound))
				.bindNow();
		}
		catch (RuntimeException ex) {
			this.scheduler.dispose();
			this.workers.shutdownNow();
			throw ex;
		}
	}

	/**
	 * Starts describing a deployment.
	 * @return a builder with no functions, on any free port
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the deployment URL to give a Convex client.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://" + HOST + ":" + port();
	}

	/**
	 * Returns the port the deployment listens on.
	 * @return the bound port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns how many sync-protocol sockets are open, for tests that wait for a reconnect.
	 * @return the number of open sockets
	 */
	public int connectionCount() {
		return this.backend.sessionCount();
	}

	/**
	 * Closes every sync-protocol socket without a close frame, as a network failure would; the
	 * clients see an abnormal close (1006) and reconnect. HTTP calls are not affected.
	 */
	public void dropConnections() {
		this.backend.dropConnections();
	}

	/**
	 * Pushes a query's new result to its subscribers without a mutation, for a handler whose
	 * answer changed (say, a test changed what it returns): takes a new timestamp and re-runs the
	 * subscribed queries on every socket; only results that changed are sent. Queries of other
	 * paths are re-run too, which no client can tell from a commit that did not touch them.
	 * @param path the query's path, {@code module:function}
	 * @throws IllegalArgumentException for a path the backend would refuse
	 */
	public void invalidate(String path) {
		FunctionPaths.canonical(Objects.requireNonNull(path, "path"));
		this.backend.invalidate();
	}

	/**
	 * Pushes every subscribed query's current result, as {@link #invalidate(String)} does for one.
	 */
	public void invalidateAll() {
		this.backend.invalidate();
	}

	/** Stops serving: closes every socket and interrupts the handlers still running. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.backend.dropConnections();
			this.server.disposeNow(Duration.ofSeconds(5));
			this.scheduler.dispose();
			this.workers.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "LocalConvexDeployment[" + url() + "]";
	}

	private static Mono<Void> plainText(HttpServerResponse response, String text) {
		return response.header("Content-Type", "text/plain; charset=utf-8")
			.sendByteArray(Mono.just(text.getBytes(StandardCharsets.UTF_8)))
			.then();
	}

	/** Daemon threads, so a forgotten deployment never keeps the JVM alive. */
	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "local-convex-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Describes a {@link LocalConvexDeployment}: its functions, port, codec, token check, ping
	 * interval and Transition chunking. Not thread-safe; {@link #start()} may be called once.
	 */
	public static final class Builder {

		private final FunctionRegistry registry = new FunctionRegistry();

		private int port;

		private ConvexCodec codec = ConvexCodec.create();

		private TokenVerifier tokenVerifier = TokenVerifier.ACCEPT_ALL;

		private Duration pingInterval = Duration.ofSeconds(15);

		private String backendVersion = "local-convex-deployment";

		private String instanceName = "local";

		private int transitionChunkSize;

		private Builder() {
		}

		/**
		 * Registers a query: read-only, run at a snapshot (no mutation commits while it runs).
		 * @param path its path, {@code module:function}
		 * @param handler its body
		 * @return this builder
		 * @throws IllegalArgumentException for a path the backend would refuse
		 * @throws IllegalStateException if the path is already registered
		 */
		public Builder query(String path, FunctionHandler handler) {
			return register(path, FunctionKind.QUERY, handler);
		}

		/**
		 * Registers a mutation: run alone, its success commits and takes the next timestamp, then
		 * every subscribed query is re-run.
		 * @param path its path, {@code module:function}
		 * @param handler its body
		 * @return this builder
		 * @throws IllegalArgumentException for a path the backend would refuse
		 * @throws IllegalStateException if the path is already registered
		 */
		public Builder mutation(String path, FunctionHandler handler) {
			return register(path, FunctionKind.MUTATION, handler);
		}

		/**
		 * Registers an action: run concurrently with everything else, outside the commit order.
		 * @param path its path, {@code module:function}
		 * @param handler its body
		 * @return this builder
		 * @throws IllegalArgumentException for a path the backend would refuse
		 * @throws IllegalStateException if the path is already registered
		 */
		public Builder action(String path, FunctionHandler handler) {
			return register(path, FunctionKind.ACTION, handler);
		}

		/**
		 * Answers every path no function is registered at, whatever kind it is called as (see
		 * {@link FunctionCall#kind()}); without one, such calls fail with the backend's "Could not
		 * find public function" message. Calls through the mutation endpoint run as mutations.
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder fallback(FunctionHandler handler) {
			this.registry.fallback(Objects.requireNonNull(handler, "handler"));
			return this;
		}

		/**
		 * Sets the port.
		 * @param port the port, or 0 (the default) for any free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the codec that decodes arguments and encodes results.
		 * @param codec the codec; by default {@link ConvexCodec#create()}
		 * @return this builder
		 */
		public Builder codec(ConvexCodec codec) {
			this.codec = Objects.requireNonNull(codec, "codec");
			return this;
		}

		/**
		 * Sets the check of the credentials clients present.
		 * @param tokenVerifier the check; by default every token is accepted
		 * @return this builder
		 */
		public Builder tokenVerifier(TokenVerifier tokenVerifier) {
			this.tokenVerifier = Objects.requireNonNull(tokenVerifier, "tokenVerifier");
			return this;
		}

		/**
		 * Sets how often every sync socket gets a {@code Ping} message.
		 * @param pingInterval the interval; 15 s by default, as the backend's heartbeat
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			if (pingInterval.isNegative() || pingInterval.isZero()) {
				throw new IllegalArgumentException("pingInterval must be positive: " + pingInterval);
			}
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * Splits every Transition whose JSON text is longer than this into
		 * {@code TransitionChunk} messages, as the backend splits large ones (at about 5 MB) for
		 * the npm client, so a client's reassembly can be tested with small messages.
		 * @param characters the largest part, in characters; 0 (the default) never splits
		 * @return this builder
		 */
		public Builder transitionChunkSize(int characters) {
			if (characters < 0) {
				throw new IllegalArgumentException("transitionChunkSize must not be negative: " + characters);
			}
			this.transitionChunkSize = characters;
			return this;
		}

		/**
		 * Sets what {@code GET /version} answers.
		 * @param backendVersion the version text
		 * @return this builder
		 */
		public Builder backendVersion(String backendVersion) {
			this.backendVersion = Objects.requireNonNull(backendVersion, "backendVersion");
			return this;
		}

		/**
		 * Sets what {@code GET /instance_name} answers.
		 * @param instanceName the deployment's name; {@code local} by default
		 * @return this builder
		 */
		public Builder instanceName(String instanceName) {
			this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
			return this;
		}

		/**
		 * Starts serving.
		 * @return the running deployment; close it to stop
		 * @throws RuntimeException if the port cannot be bound
		 */
		public LocalConvexDeployment start() {
			return new LocalConvexDeployment(this);
		}

		private Builder register(String path, FunctionKind kind, FunctionHandler handler) {
			this.registry.register(Objects.requireNonNull(path, "path"), kind, Objects.requireNonNull(handler, "handler"));
			return this;
		}

	}

}
