package io.convexspring.live;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JavaType;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.observation.ConvexObservationContext;

/**
 * Live queries, and mutations and actions, over Convex's WebSocket sync protocol: the JVM
 * counterpart of the npm {@code ConvexClient}. One socket per identity, opened on the first
 * call and closed when idle; subscribers to the same query and arguments share one server-side
 * subscription; the socket reconnects and replays its queries and mutations, so subscribers
 * see no error across a reconnect, only the next values. Values use the same
 * {@link ConvexCodec} as the HTTP clients. Thread-safe.
 *
 * <pre class="code">
 * Flux&lt;List&lt;Order&gt;&gt; orders = live.subscribe(LIST_ORDERS, null);
 * Mono&lt;String&gt; id = live.mutation(PLACE_ORDER, order);   // completes once every subscription shows it
 * </pre>
 */
public final class ConvexLiveClient implements AutoCloseable {

	/** The reconnection delay after a server closed for an unknown reason, before doubling. */
	public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);

	/** The longest reconnection delay, before jitter. */
	public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(16);

	/** How long a server may stay silent (it pings every 15 s) before the socket is reopened. */
	public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(60);

	/** How long a socket with no subscriptions and no requests stays open. */
	public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

	/** How long before a user token's expiry a fresh token is asked for (the npm default). */
	public static final Duration DEFAULT_REFRESH_LEEWAY = Duration.ofSeconds(10);

	/** How many sockets (identities) may be open at once. */
	public static final int DEFAULT_MAX_SOCKETS = 100;

	/** The largest message accepted: the server's own limit. */
	public static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(64);

	private final LiveSockets sockets;

	private final ConvexTransport transport;

	private final ConvexCodec codec;

	private final ConvexCredentialsProvider credentials;

	private final boolean root;

	private ConvexLiveClient(LiveSockets sockets, ConvexTransport transport, ConvexCredentialsProvider credentials,
			boolean root) {
		this.sockets = sockets;
		this.transport = transport;
		this.codec = transport.codec();
		this.credentials = credentials;
		this.root = root;
	}

	/**
	 * Starts a live client on a transport: its deployment, codec, default credentials and
	 * observation.
	 * @param transport the HTTP transport to the same deployment
	 * @return a builder
	 */
	public static Builder builder(ConvexTransport transport) {
		return new Builder(transport);
	}

	/**
	 * Subscribes to a query: the current result first, then each new one, until cancelled.
	 * Subscribers to equal query and arguments share one subscription on the socket; a late
	 * one gets the latest result at once. Each subscriber gets the latest result when it asks
	 * for more (older ones it had no demand for are dropped), so a slow subscriber neither
	 * holds up others nor grows memory. A failing query fails the {@code Flux} with the same
	 * {@link ConvexException} the HTTP client gives (a {@code ConvexError} keeps its data); use
	 * {@link #subscribeResults} to keep listening. A Convex {@code null} result is not emitted:
	 * declare an {@code Optional} result type to see it as {@code Optional.empty()}.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param query the query
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the results
	 */
	@SuppressWarnings("unchecked")
	public <A, R> Flux<R> subscribe(ConvexQuery<A, R> query, @Nullable A args) {
		return (Flux<R>) live(query, args, false);
	}

	/**
	 * Subscribes to a query, as {@link #subscribe} does, but emits a failure of the query as a
	 * {@link QueryResult.Failure} and keeps listening, since a query can recover on the next
	 * change. The {@code Flux} fails only when the session ends for good (a fatal error).
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param query the query
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the results and failures
	 */
	@SuppressWarnings("unchecked")
	public <A, R> Flux<QueryResult<R>> subscribeResults(ConvexQuery<A, R> query, @Nullable A args) {
		return (Flux<QueryResult<R>>) live(query, args, true);
	}

	private Flux<?> live(ConvexQuery<?, ?> query, @Nullable Object args, boolean failuresAsValues) {
		Objects.requireNonNull(query, "query must not be null");
		String path = query.path();
		return Flux.defer(() -> {
			String argsJson = Arguments.encode(this.codec, FunctionKind.QUERY, path, args);
			LiveSocket socket = this.sockets.socket(this.credentials, FunctionKind.QUERY, path);
			JavaType type = this.codec.javaType(query.resultType());
			return Flux.<Object>create((sink) -> {
				Subscriber subscriber = new Subscriber(path, argsJson, type, failuresAsValues, target(sink));
				sink.onDispose(() -> {
					subscriber.cancelled = true;
					LiveSocket current = subscriber.socket;
					if (current != null) {
						current.unsubscribe(subscriber);
					}
				});
				socket.subscribe(subscriber);
			}, FluxSink.OverflowStrategy.LATEST);
		}).publishOn(Schedulers.boundedElastic(), 1);
	}

	private static Subscriber.Target target(FluxSink<Object> sink) {
		return new Subscriber.Target() {

			@Override
			public void next(Object value) {
				sink.next(value);
			}

			@Override
			public void error(Throwable failure) {
				sink.error(failure);
			}

			@Override
			public void complete() {
				sink.complete();
			}

		};
	}

	/**
	 * Runs a mutation over the socket. The {@code Mono} completes only once a Transition at or
	 * after the mutation's commit has been applied, so every subscription of this client
	 * already shows its effect (read-your-writes). Sent again with the same request id after a
	 * reconnect, so the backend runs it once. A Convex {@code null} result completes it empty.
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param mutation the mutation
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result
	 */
	public <A, R> Mono<R> mutation(ConvexMutation<A, R> mutation, @Nullable A args) {
		Objects.requireNonNull(mutation, "mutation must not be null");
		return request(FunctionKind.MUTATION, mutation.path(), args, mutation.resultType());
	}

	/**
	 * Runs an action over the socket; the {@code Mono} completes on its response. An action
	 * in flight when the connection drops is never sent again: it fails with a
	 * {@link io.convexspring.client.ConvexTransportException} saying it may or may not have
	 * run ({@code functionDidNotRun()} is false).
	 * @param <A> the argument type
	 * @param <R> the result type
	 * @param action the action
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @return the result
	 */
	public <A, R> Mono<R> action(ConvexAction<A, R> action, @Nullable A args) {
		Objects.requireNonNull(action, "action must not be null");
		return request(FunctionKind.ACTION, action.path(), args, action.resultType());
	}

	@SuppressWarnings("unchecked")
	private <R> Mono<R> request(FunctionKind kind, String path, @Nullable Object args, Type resultType) {
		// bounded as the HTTP call is: a server that never answers must not hold the caller forever
		Duration deadline = this.transport.deadline(kind, null);
		Mono<R> observed = this.transport.observe(kind, path, args,
				(context) -> (Mono<R>) Mono.defer(() -> send(kind, path, args, resultType, context))
					.timeout(deadline, Mono.error(() -> new ConvexTimeoutException(kind, path,
							"no outcome over the live-query socket to " + this.sockets.deployment + " (convex."
									+ kind.name().toLowerCase(java.util.Locale.ROOT) + ".timeout)",
							deadline, null))));
		return observed.publishOn(Schedulers.boundedElastic());
	}

	private Mono<Object> send(FunctionKind kind, String path, @Nullable Object args, Type resultType,
			@Nullable ConvexObservationContext context) {
		String argsJson = Arguments.encode(this.codec, kind, path, args);
		LiveSocket socket = this.sockets.socket(this.credentials, kind, path);
		JavaType type = this.codec.javaType(resultType);
		return Mono.create((sink) -> {
			PendingRequest request = new PendingRequest(kind, path, argsJson, type, sink, (lines) -> {
				if (context != null) {
					context.setLogLines(lines);
				}
			});
			// rerouted on the socket's worker, read by a cancelling thread
			AtomicReference<LiveSocket> on = new AtomicReference<>(socket);
			sink.onCancel(() -> on.get().cancel(request));
			socket.request(request, () -> {
				try {
					LiveSocket rerouted = this.sockets.socket(this.credentials, kind, path);
					on.set(rerouted);
					rerouted.request(request, () -> sink.error(new io.convexspring.client.ConvexTransportException(kind,
							path, "the live-query socket closed as the call was made", true, null)));
				}
				catch (ConvexException ex) {
					sink.error(ex);
				}
			});
		});
	}

	/**
	 * Reads several queries at one database timestamp: subscribes to all of them, waits
	 * until each has a result on the current socket, takes them together (nothing is visible
	 * in one result and not in another), and leaves the subscriptions it made. Fails with a
	 * {@link ConvexTimeoutException} if they have no results within the query timeout.
	 * @param queries the queries
	 * @return the snapshot
	 */
	public Mono<ConvexLiveSnapshot> snapshot(LiveQuery<?, ?>... queries) {
		return snapshot(Arrays.asList(queries));
	}

	/**
	 * Reads several queries at one database timestamp, as {@link #snapshot(LiveQuery...)}.
	 * @param queries the queries
	 * @return the snapshot
	 */
	public Mono<ConvexLiveSnapshot> snapshot(List<LiveQuery<?, ?>> queries) {
		if (queries.isEmpty()) {
			throw new IllegalArgumentException("A snapshot needs at least one query");
		}
		List<LiveQuery<?, ?>> parts = List.copyOf(queries);
		return Mono.defer(() -> {
			Map<Subscriber, LiveQuery<?, ?>> subscribers = new LinkedHashMap<>();
			for (LiveQuery<?, ?> part : parts) {
				String path = part.query().path();
				String argsJson = Arguments.encode(this.codec, FunctionKind.QUERY, path, part.args());
				subscribers.put(new Subscriber(path, argsJson, this.codec.javaType(part.query().resultType()), true,
						IGNORE), part);
			}
			String firstPath = parts.get(0).query().path();
			LiveSocket socket = this.sockets.socket(this.credentials, FunctionKind.QUERY, firstPath);
			// bounded as a query over HTTP is: a query that never gets a result must not hold it forever
			Duration deadline = this.transport.deadline(FunctionKind.QUERY, null);
			return Mono.<ConvexLiveSnapshot>create((sink) -> {
				subscribers.keySet().forEach(socket::subscribe);
				socket.snapshot(new LiveSocket.SnapshotRequest(subscribers, sink));
			}).timeout(deadline, Mono.error(() -> new ConvexTimeoutException(FunctionKind.QUERY, firstPath,
					"no snapshot over the live-query socket to " + this.sockets.deployment + " (convex.query.timeout)",
					deadline, null))).doFinally((signal) -> subscribers.keySet().forEach((subscriber) -> {
				subscriber.cancelled = true;
				LiveSocket current = subscriber.socket;
				if (current != null) {
					current.unsubscribe(subscriber);
				}
			}));
		}).publishOn(Schedulers.boundedElastic());
	}

	private static final Subscriber.Target IGNORE = new Subscriber.Target() {

		@Override
		public void next(Object value) {
		}

		@Override
		public void error(Throwable failure) {
		}

		@Override
		public void complete() {
		}

	};

	/**
	 * Returns a client on the same sockets that runs as other credentials, on a socket of its
	 * own (one socket per identity). Providers that are equal (fixed providers of equal
	 * credentials) share a socket.
	 * @param credentials where the credentials come from
	 * @return the client
	 */
	public ConvexLiveClient withCredentials(ConvexCredentialsProvider credentials) {
		Objects.requireNonNull(credentials, "credentials must not be null");
		return new ConvexLiveClient(this.sockets, this.transport, credentials, false);
	}

	/**
	 * Returns a client that runs as fixed credentials, as
	 * {@link #withCredentials(ConvexCredentialsProvider)}.
	 * @param credentials the credentials
	 * @return the client
	 */
	public ConvexLiveClient withCredentials(ConvexCredentials credentials) {
		return withCredentials(ConvexCredentialsProvider.of(credentials));
	}

	/**
	 * Returns the state of this client's socket now; {@link ConnectionState#CLOSED} while it
	 * has none.
	 * @return the state
	 */
	public ConnectionState state() {
		return this.sockets.state(this.credentials);
	}

	/**
	 * Streams the state of this client's socket: the current one first, then each change.
	 * @return the states
	 */
	public Flux<ConnectionState> states() {
		return this.sockets.states(this.credentials);
	}

	/**
	 * Closes every socket of this client and of the clients derived from it: subscriptions
	 * complete, calls without an outcome fail. Called when the application context closes.
	 * Only the client made by the builder closes; on a derived client it does nothing.
	 */
	@Override
	public void close() {
		if (this.root) {
			this.sockets.close();
		}
	}

	/**
	 * Describes the sockets for health checks and the actuator endpoint: this client's state,
	 * how many sockets are in each phase, and the active subscriptions. Never an identity.
	 * @return the description
	 */
	public Map<String, Object> summary() {
		ConnectionState state = state();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("state", state.phase().name());
		if (state.attempt() > 0) {
			summary.put("attempt", state.attempt());
		}
		if (state.reason() != null) {
			summary.put("reason", state.reason());
		}
		Map<String, Integer> phases = new LinkedHashMap<>();
		this.sockets.phases().forEach((phase, count) -> phases.put(phase.name(), count));
		summary.put("sockets", phases);
		summary.put("subscriptions", this.sockets.subscriptions.get());
		return summary;
	}

	LiveSockets sockets() {
		return this.sockets;
	}

	/**
	 * Builds a {@link ConvexLiveClient}.
	 */
	public static final class Builder {

		private final ConvexTransport transport;

		private @Nullable ConvexCredentialsProvider credentials;

		private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;

		private Duration backoffMax = DEFAULT_BACKOFF_MAX;

		private Duration connectTimeout = ConvexTransport.DEFAULT_CONNECT_TIMEOUT;

		private Duration inactivityTimeout = DEFAULT_INACTIVITY_TIMEOUT;

		private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

		private Duration refreshLeeway = DEFAULT_REFRESH_LEEWAY;

		private int maxSockets = DEFAULT_MAX_SOCKETS;

		private DataSize maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

		private Builder(ConvexTransport transport) {
			this.transport = Objects.requireNonNull(transport, "transport must not be null");
		}

		/**
		 * Sets where the client's credentials come from; by default the transport's.
		 * @param credentials the provider
		 * @return this builder
		 */
		public Builder credentials(ConvexCredentialsProvider credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
			return this;
		}

		/**
		 * Sets the reconnection backoff: the first delay (after the server closed for an
		 * unknown reason; a tenth of it after this client closed a silent or broken socket,
		 * three times it when the server is overloaded), doubled per attempt up to the maximum,
		 * each time times a random factor in [0.5, 1.5).
		 * @param initial the first delay
		 * @param max the longest delay
		 * @return this builder
		 */
		public Builder backoff(Duration initial, Duration max) {
			this.backoffInitial = positive(initial, "initial backoff");
			this.backoffMax = positive(max, "maximum backoff");
			return this;
		}

		/**
		 * Sets how long to wait for a connection, and for the credentials provider.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Sets how long the server may send nothing (not even its pings) before the socket is
		 * reopened.
		 * @param inactivityTimeout the timeout
		 * @return this builder
		 */
		public Builder inactivityTimeout(Duration inactivityTimeout) {
			this.inactivityTimeout = positive(inactivityTimeout, "inactivityTimeout");
			return this;
		}

		/**
		 * Sets how long a socket with no subscriptions and no requests stays open.
		 * @param idleTimeout the timeout
		 * @return this builder
		 */
		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = positive(idleTimeout, "idleTimeout");
			return this;
		}

		/**
		 * Sets how long before a user token expires the provider is asked for a fresh one.
		 * @param refreshLeeway the leeway
		 * @return this builder
		 */
		public Builder refreshLeeway(Duration refreshLeeway) {
			Objects.requireNonNull(refreshLeeway, "refreshLeeway must not be null");
			this.refreshLeeway = refreshLeeway;
			return this;
		}

		/**
		 * Sets how many sockets (one per identity) may be open at once; a call for another
		 * identity beyond it fails.
		 * @param maxSockets the limit
		 * @return this builder
		 */
		public Builder maxSockets(int maxSockets) {
			if (maxSockets < 1) {
				throw new IllegalArgumentException("maxSockets must be at least 1, not " + maxSockets);
			}
			this.maxSockets = maxSockets;
			return this;
		}

		/**
		 * Sets the largest message accepted from the server; a larger one reopens the socket.
		 * @param maxMessageSize the limit
		 * @return this builder
		 */
		public Builder maxMessageSize(DataSize maxMessageSize) {
			Objects.requireNonNull(maxMessageSize, "maxMessageSize must not be null");
			if (maxMessageSize.toBytes() <= 0) {
				throw new IllegalArgumentException("maxMessageSize must be positive, not " + maxMessageSize);
			}
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Builds the client. It opens no socket until something subscribes or calls.
		 * @return the client
		 */
		public ConvexLiveClient build() {
			URI url = this.transport.deploymentUrl();
			URI syncUri = URI.create(url.toString().replaceFirst("^http", "ws") + "/api/sync");
			LiveOptions options = new LiveOptions(syncUri, new Backoff(this.backoffInitial, this.backoffMax),
					this.connectTimeout, this.inactivityTimeout, this.idleTimeout, this.refreshLeeway, this.maxSockets,
					(int) Math.min(Integer.MAX_VALUE, this.maxMessageSize.toBytes()));
			LiveSockets sockets = new LiveSockets(options, this.transport.codec(),
					withoutUserInfo(url), ConvexTransport.clientName());
			// a provider of each caller's own credentials (the security relay) gives way to its fallback
			ConvexCredentialsProvider provider = ((this.credentials != null) ? this.credentials
					: this.transport.defaultCredentialsProvider()).forSharedConnections();
			return new ConvexLiveClient(sockets, this.transport, provider, true);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name + " must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

		/** The URL for messages: user info could hold a secret. */
		private static String withoutUserInfo(URI url) {
			return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
					+ ((url.getRawPath() != null) ? url.getRawPath() : "");
		}

	}

}
