package io.convexspring.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

/**
 * The sockets of a {@link ConvexLiveClient} and the clients derived from it: one per
 * credentials provider, opened on first use, bounded in number, and the counts that metrics
 * and health read.
 */
final class LiveSockets {

	final LiveOptions options;

	final ConvexCodec codec;

	final ServerMessageReader reader;

	/** Made for the first socket (written under this), not at start-up. */
	private volatile @Nullable HttpClient httpClient;

	private final String clientName;

	final String deployment;

	/**
	 * The sockets' protocol threads: each socket runs on one worker of it, never user code.
	 * Made with the first socket (written under this): at start-up, making it would load
	 * most of Reactor.
	 */
	private volatile @Nullable Scheduler scheduler;

	final AtomicInteger subscriptions = new AtomicInteger();

	final AtomicLong transitions = new AtomicLong();

	final AtomicLong reconnects = new AtomicLong();

	private final Map<ConvexCredentialsProvider, LiveSocket> sockets = new ConcurrentHashMap<>();

	/** Made by the first {@link #states} (written under this); until then nobody listens. */
	private volatile Sinks.@Nullable Many<StateChange> changes;

	private volatile boolean closed;

	LiveSockets(LiveOptions options, ConvexCodec codec, String deployment, String clientName) {
		this.options = options;
		this.codec = codec;
		this.reader = new ServerMessageReader(codec);
		this.deployment = deployment;
		this.clientName = clientName;
	}

	/** The HTTP client the sockets open on; made by {@link #socket} before the first socket. */
	HttpClient httpClient() {
		HttpClient made = this.httpClient;
		if (made == null) {
			throw new IllegalStateException("no socket was made yet");
		}
		return made;
	}

	/** The sockets' protocol threads; made by {@link #socket} before the first socket. */
	Scheduler scheduler() {
		Scheduler made = this.scheduler;
		if (made == null) {
			throw new IllegalStateException("no socket was made yet");
		}
		return made;
	}

	/** Makes what sockets need, for the first socket; guarded by this. */
	private void makeSocketResources(FunctionKind kind, String path) {
		if (this.httpClient != null && this.scheduler != null) {
			return;
		}
		try {
			if (this.scheduler == null) {
				this.scheduler = Schedulers.newParallel("convex-live",
						Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors())), true);
			}
			this.httpClient = HttpClient.create()
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
						(int) Math.min(Integer.MAX_VALUE, this.options.connectTimeout().toMillis()))
				.headers((headers) -> headers.set("Convex-Client", this.clientName));
		}
		catch (RuntimeException | LinkageError ex) {
			// not cached: the next socket tries again
			throw new ConvexTransportException(kind, path, "could not build the HTTP client for the live socket to "
					+ this.deployment + " (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")", true, ex);
		}
	}

	/**
	 * Returns the socket for an identity, created (not yet opened) if there is none.
	 * @throws ConvexTransportException if the client is closed, or as many sockets as allowed
	 * are open for other identities
	 */
	synchronized LiveSocket socket(ConvexCredentialsProvider provider, FunctionKind kind, String path) {
		if (this.closed) {
			throw new ConvexTransportException(kind, path, "the live client is closed", true, null);
		}
		LiveSocket socket = this.sockets.get(provider);
		if (socket != null && (socket.isRetired() || socket.failedLongAgo())) {
			this.sockets.remove(provider, socket);
			socket = null;
		}
		if (socket == null) {
			if (this.sockets.size() >= this.options.maxSockets()) {
				throw new ConvexTransportException(kind, path, "no live-query socket for another identity: "
						+ this.options.maxSockets() + " are open already, one per identity (convex.live.max-sockets); "
						+ "close subscriptions of other identities, or raise the limit", true, null);
			}
			makeSocketResources(kind, path);
			socket = new LiveSocket(provider, this);
			this.sockets.put(provider, socket);
		}
		return socket;
	}

	void retired(LiveSocket socket) {
		this.sockets.remove(socket.provider, socket);
	}

	/** A subscriber that reached a socket as it closed when idle: to a new one. */
	void reroute(ConvexCredentialsProvider provider, Subscriber subscriber) {
		try {
			socket(provider, FunctionKind.QUERY, subscriber.path).subscribe(subscriber);
		}
		catch (ConvexTransportException ex) {
			subscriber.fail(ex);
		}
	}

	void reroute(ConvexCredentialsProvider provider, LiveSocket.SnapshotRequest request) {
		try {
			LiveSocket socket = socket(provider, FunctionKind.QUERY, request.firstPath());
			request.parts.keySet().forEach(socket::subscribe);
			socket.snapshot(request);
		}
		catch (ConvexTransportException ex) {
			request.sink.error(ex);
		}
	}

	ConnectionState state(ConvexCredentialsProvider provider) {
		LiveSocket socket = this.sockets.get(provider);
		return (socket != null) ? socket.state() : ConnectionState.CLOSED;
	}

	Flux<ConnectionState> states(ConvexCredentialsProvider provider) {
		return Flux.defer(() -> changes().asFlux()
			.filter((change) -> change.provider().equals(provider))
			.map(StateChange::state)
			.startWith(state(provider)))
			.distinctUntilChanged()
			.onBackpressureLatest();
	}

	void stateChanged(ConvexCredentialsProvider provider, ConnectionState state) {
		Sinks.Many<StateChange> listened = this.changes;
		if (listened != null) {
			listened.tryEmitNext(new StateChange(provider, state));
		}
	}

	private Sinks.Many<StateChange> changes() {
		Sinks.Many<StateChange> made = this.changes;
		if (made == null) {
			synchronized (this) {
				made = this.changes;
				if (made == null) {
					made = Sinks.many().multicast().directBestEffort();
					if (this.closed) {
						made.tryEmitComplete();
					}
					this.changes = made;
				}
			}
		}
		return made;
	}

	/** The sockets open or opening now. */
	int openSockets() {
		int open = 0;
		for (LiveSocket socket : this.sockets.values()) {
			if (socket.isSocketOpen()) {
				open++;
			}
		}
		return open;
	}

	/** How many sockets are in each phase (for health and the endpoint: never an identity). */
	Map<ConnectionState.Phase, Integer> phases() {
		Map<ConnectionState.Phase, Integer> phases = new java.util.EnumMap<>(ConnectionState.Phase.class);
		for (LiveSocket socket : this.sockets.values()) {
			phases.merge(socket.state().phase(), 1, Integer::sum);
		}
		return phases;
	}

	/** Closes every socket, waiting a little for their close frames to go out. */
	void close() {
		List<LiveSocket> open;
		Sinks.@Nullable Many<StateChange> listened;
		@Nullable Scheduler threads;
		synchronized (this) {
			this.closed = true;
			open = new ArrayList<>(this.sockets.values());
			this.sockets.clear();
			listened = this.changes;
			threads = this.scheduler;
		}
		try {
			// not block(): the context may close on any thread, a Reactor one included
			Flux.fromIterable(open).flatMap(LiveSocket::close).then().toFuture().get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// the sockets are closing; their close frames may not all have gone out
		}
		if (listened != null) {
			listened.tryEmitComplete();
		}
		if (threads != null) {
			threads.dispose();
		}
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * A socket's state changed.
	 *
	 * @param provider the socket's identity
	 * @param state the new state
	 */
	record StateChange(ConvexCredentialsProvider provider, ConnectionState state) {

	}

}
