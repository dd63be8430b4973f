package io.convexspring.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexResultException;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexValueException;
import io.convexspring.live.ConnectionState.Phase;
import io.convexspring.live.ServerMessage.AuthError;
import io.convexspring.live.ServerMessage.FatalError;
import io.convexspring.live.ServerMessage.Ping;
import io.convexspring.live.ServerMessage.Response;
import io.convexspring.live.ServerMessage.Transition;
import io.convexspring.live.ServerMessage.TransitionChunk;
import io.convexspring.live.ServerMessage.Unknown;
import io.convexspring.live.ServerMessageReader.MalformedFrameException;
import io.convexspring.live.SyncSession.Applied;
import io.convexspring.live.SyncSession.StartVersionMismatch;

/**
 * One identity's live socket through its whole life: opens lazily, authenticates, reconnects
 * with backoff and replays, answers the server, refreshes tokens, closes when idle. Every
 * change of state runs on one worker, in order (§6.11); Netty's threads and callers only post
 * tasks to it.
 */
final class LiveSocket implements WebSocketConnection.Listener {

	private static final Log logger = LogFactory.getLog(ConvexLiveClient.class);

	private static final Log functionLogger = LogFactory.getLog("io.convexspring.function");

	private static final Duration MAX_REFRESH_DELAY = Duration.ofDays(20);

	private static final int MAX_AUTH_REJECTIONS = 2;

	final ConvexCredentialsProvider provider;

	private final LiveSockets pool;

	private final LiveOptions options;

	private final Scheduler.Worker worker;

	private final SyncSession session = new SyncSession();

	private final TransitionAssembler chunks;

	private final List<SnapshotRequest> snapshots = new ArrayList<>();

	private volatile ConnectionState state = ConnectionState.CLOSED;

	private volatile boolean socketOpen;

	private volatile boolean retired;

	private volatile long failedAt;

	// confined to the worker from here on

	private @Nullable WebSocketConnection connection;

	private boolean connecting;

	private boolean handshaken;

	private ConvexCredentials credentials = ConvexCredentials.none();

	private @Nullable ConvexCredentials rejected;

	private boolean forceRefresh;

	private boolean restartNow;

	private int authRejections;

	private int attempt;

	private boolean everOpened;

	private @Nullable String lastCloseReason;

	private @Nullable String fatal;

	private long lastReceived;

	private @Nullable Disposable reconnectTimer;

	private @Nullable Disposable inactivityTimer;

	private @Nullable Disposable idleTimer;

	private @Nullable Disposable refreshTimer;

	LiveSocket(ConvexCredentialsProvider provider, LiveSockets pool) {
		this.provider = provider;
		this.pool = pool;
		this.options = pool.options;
		this.worker = pool.scheduler().createWorker();
		this.chunks = new TransitionAssembler(pool.options.maxMessageBytes());
	}

	ConnectionState state() {
		return this.state;
	}

	boolean isSocketOpen() {
		return this.socketOpen;
	}

	boolean isRetired() {
		return this.retired;
	}

	/** Whether the server ended this session longer ago than the longest backoff. */
	boolean failedLongAgo() {
		long at = this.failedAt;
		return at != 0 && System.nanoTime() - at > this.options.backoff().max().toNanos();
	}

	// --- what callers ask, posted to the worker

	void subscribe(Subscriber subscriber) {
		subscriber.socket = this;
		run(() -> {
			if (subscriber.cancelled) {
				// cancelled before it got here: its unsubscribe may have found nothing to remove
				return;
			}
			if (this.retired) {
				this.pool.reroute(this.provider, subscriber);
				return;
			}
			if (this.fatal != null) {
				subscriber.fail(fatalFailure(FunctionKind.QUERY, subscriber.path));
				return;
			}
			QueryEntry entry = this.session.query(subscriber.key);
			if (entry == null) {
				entry = this.session.addQuery(subscriber.path, subscriber.argsJson);
				send(this.session.addFrame(entry));
			}
			entry.subscribers.add(subscriber);
			this.pool.subscriptions.incrementAndGet();
			subscriber.deliver(entry, this.pool.codec);
			workArrived();
		});
	}

	void unsubscribe(Subscriber subscriber) {
		run(() -> {
			QueryEntry entry = this.session.query(subscriber.key);
			if (entry == null || !entry.subscribers.remove(subscriber)) {
				return;
			}
			this.pool.subscriptions.decrementAndGet();
			if (entry.subscribers.isEmpty()) {
				send(this.session.removeQuery(entry));
				maybeIdle();
			}
		});
	}

	void request(PendingRequest request, Runnable reroute) {
		run(() -> {
			if (this.retired) {
				reroute.run();
				return;
			}
			if (this.fatal != null) {
				request.sink.error(fatalFailure(request.kind, request.path));
				return;
			}
			send(this.session.addRequest(request));
			workArrived();
		});
	}

	void cancel(PendingRequest request) {
		run(() -> {
			if (this.session.drop(request)) {
				maybeIdle();
			}
		});
	}

	void snapshot(SnapshotRequest request) {
		run(() -> {
			if (request.isCancelled()) {
				return;
			}
			if (this.retired) {
				this.pool.reroute(this.provider, request);
				return;
			}
			if (this.fatal != null) {
				request.sink.error(fatalFailure(FunctionKind.QUERY, request.firstPath()));
				return;
			}
			this.snapshots.add(request);
			checkSnapshots();
		});
	}

	/** Closes for good (the application shuts down): subscriptions complete, requests fail. */
	Mono<Void> close() {
		return Mono.<WebSocketConnection>create((sink) -> run(() -> {
			WebSocketConnection open = this.connection;
			retire("ClientClosed");
			for (QueryEntry entry : List.copyOf(this.session.queries())) {
				for (Subscriber subscriber : entry.subscribers) {
					this.pool.subscriptions.decrementAndGet();
					subscriber.complete();
				}
				this.session.removeQuery(entry);
			}
			for (PendingRequest request : this.session.clearRequests()) {
				request.sink.error(new ConvexTransportException(request.kind, request.path,
						"the live client closed before the outcome arrived", !request.sent, null));
			}
			// a snapshot still waiting for results would otherwise never end
			failSnapshots();
			sink.success(open);
		})).flatMap((open) -> open.done().timeout(Duration.ofSeconds(2), Mono.empty()))
			.doFinally((signal) -> this.worker.dispose());
	}

	// --- the connection's events, posted to the worker

	@Override
	public void opened(WebSocketConnection opened) {
		run(() -> {
			if (opened != this.connection) {
				return;
			}
			this.handshaken = true;
			this.connecting = false;
			this.everOpened = true;
			this.lastReceived = System.nanoTime();
			this.session.open(this.credentials, this.lastCloseReason, System.currentTimeMillis()).forEach(opened::send);
			this.lastCloseReason = null;
			setState(new ConnectionState(Phase.CONNECTED, 0, null));
		});
	}

	@Override
	public void text(WebSocketConnection from, String text) {
		run(() -> {
			if (from == this.connection) {
				this.lastReceived = System.nanoTime();
				handle(text);
			}
		});
	}

	@Override
	public void closed(WebSocketConnection closed, String reason, boolean clientClosed) {
		run(() -> {
			if (closed == this.connection) {
				lost(reason, clientClosed);
			}
		});
	}

	// --- the protocol

	private void handle(String text) {
		ServerMessage message;
		try {
			message = this.pool.reader.read(text);
			if (message instanceof TransitionChunk chunk) {
				String whole = this.chunks.add(chunk);
				if (whole == null) {
					return;
				}
				message = this.pool.reader.read(whole);
				if (!(message instanceof Transition)) {
					throw new MalformedFrameException("the chunks of a Transition joined up to " + message);
				}
			}
			else if (this.chunks.inProgress()) {
				this.chunks.reset();
			}
		}
		catch (MalformedFrameException | IllegalStateException ex) {
			violation("MalformedMessage", "a frame that breaks the protocol (" + ex.getMessage() + ")");
			return;
		}
		if (message instanceof Transition transition) {
			transition(transition);
		}
		else if (message instanceof Response response) {
			response(response);
		}
		else if (message instanceof AuthError authError) {
			authError(authError);
		}
		else if (message instanceof FatalError fatalError) {
			fatal(fatalError.error());
		}
		else if (message instanceof Unknown unknown) {
			logger.warn("Ignoring a live-query message of unknown type '" + unknown.type() + "' from "
					+ this.pool.deployment);
		}
		else if (!(message instanceof Ping)) {
			logger.debug("Ignoring " + message);
		}
	}

	private void transition(Transition transition) {
		Applied applied;
		try {
			applied = this.session.apply(transition);
		}
		catch (StartVersionMismatch ex) {
			violation("StartVersionMismatch", ex.getMessage());
			return;
		}
		this.pool.transitions.incrementAndGet();
		for (QueryEntry entry : applied.changed()) {
			logLines(entry);
			for (Subscriber subscriber : List.copyOf(entry.subscribers)) {
				subscriber.deliver(entry, this.pool.codec);
			}
		}
		// after the subscribers: when a mutation's Mono completes, its effect is visible
		for (PendingRequest request : applied.reflected()) {
			succeed(request);
		}
		if (applied.identityAdvanced()) {
			authConfirmed();
		}
		if (transition.end().querySet() >= 1) {
			// synced past the reconnect: the next loss starts the backoff again
			this.attempt = 0;
		}
		checkSnapshots();
		maybeIdle();
	}

	private void logLines(QueryEntry entry) {
		List<String> lines = entry.logLines();
		if (lines != null && !lines.isEmpty() && functionLogger.isDebugEnabled()) {
			for (String line : lines) {
				functionLogger.debug("[CONVEX Q(" + entry.path + ")] " + line);
			}
		}
	}

	private void response(Response response) {
		PendingRequest request = this.session.response(response);
		if (request == null) {
			return;
		}
		if (response.success()) {
			request.result = response.result();
			request.resultLogLines = response.logLines();
			succeed(request);
		}
		else {
			String message = (response.errorMessage() != null) ? response.errorMessage() : "";
			request.sink.error((response.errorData() != null)
					? new ConvexApplicationException(request.kind, request.path, response.errorData(), message,
							response.logLines(), this.pool.codec)
					: new ConvexFunctionFailedException(request.kind, request.path, message, response.logLines()));
		}
		maybeIdle();
	}

	private void succeed(PendingRequest request) {
		Object value;
		try {
			value = (request.result != null) ? this.pool.codec.convert(request.result, request.type) : null;
		}
		catch (ConvexValueException ex) {
			request.sink.error(new ConvexResultException(request.kind, request.path, "its result", ex));
			return;
		}
		request.logLines.accept(request.resultLogLines);
		if (value != null) {
			request.sink.success(value);
		}
		else {
			request.sink.success();
		}
	}

	private void authError(AuthError error) {
		if (this.session.isStale(error)) {
			logger.debug("Ignoring a stale AuthError from " + this.pool.deployment);
			return;
		}
		this.authRejections++;
		this.rejected = this.credentials;
		this.forceRefresh = true;
		this.restartNow = true;
		logger.warn("Convex at " + this.pool.deployment + " refused the live socket's " + this.credentials.kind()
				+ " credentials (" + error.error() + "); reconnecting with fresh ones");
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.abort("AuthError");
		}
	}

	private void authConfirmed() {
		this.authRejections = 0;
		this.rejected = null;
		cancel(this.refreshTimer);
		this.refreshTimer = null;
		this.credentials.expiresAt().ifPresent((expiresAt) -> {
			Duration delay = Duration.between(Instant.now(), expiresAt).minus(this.options.refreshLeeway());
			if (delay.isNegative()) {
				delay = Duration.ZERO;
			}
			if (delay.compareTo(MAX_REFRESH_DELAY) > 0) {
				delay = MAX_REFRESH_DELAY;
			}
			this.refreshTimer = this.worker.schedule(() -> safely(this::refresh), delay.toMillis(),
					TimeUnit.MILLISECONDS);
		});
	}

	private void refresh() {
		this.refreshTimer = null;
		WebSocketConnection current = this.connection;
		this.provider.credentials(true)
			.defaultIfEmpty(ConvexCredentials.none())
			.timeout(this.options.connectTimeout())
			.subscribe((fresh) -> run(() -> {
				if (this.connection == current && current != null && this.handshaken && !fresh.equals(this.credentials)) {
					this.credentials = fresh;
					current.send(this.session.authenticate(fresh));
				}
			}), (error) -> logger.warn("Could not refresh the live socket's credentials before they expire: " + error));
	}

	private void fatal(String error) {
		logger.error("[CONVEX FATAL ERROR] " + this.pool.deployment + " ended the live-query session: " + error
				+ "; not reconnecting");
		this.fatal = error;
		this.failedAt = System.nanoTime();
		// before the failures go out: whoever a failure reaches sees the state that caused it
		setState(new ConnectionState(Phase.FAILED, 0, error));
		for (QueryEntry entry : List.copyOf(this.session.queries())) {
			for (Subscriber subscriber : entry.subscribers) {
				this.pool.subscriptions.decrementAndGet();
				subscriber.fail(fatalFailure(FunctionKind.QUERY, entry.path));
			}
			this.session.removeQuery(entry);
		}
		for (PendingRequest request : this.session.clearRequests()) {
			request.sink.error(fatalFailure(request.kind, request.path));
		}
		failSnapshots();
		cancelTimers();
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.abort("FatalError");
		}
	}

	private ConvexException fatalFailure(FunctionKind kind, String path) {
		return new ConvexTransportException(kind, path, "the Convex backend ended the live-query session with a "
				+ "fatal error, so the client does not reconnect it: " + this.fatal, false, null);
	}

	private void violation(String reason, @Nullable String detail) {
		logger.warn("The live-query socket to " + this.pool.deployment + " received " + detail + "; reconnecting");
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.abort(reason);
		}
	}

	// --- the socket's life

	private void workArrived() {
		cancel(this.idleTimer);
		this.idleTimer = null;
		if (this.connection == null && this.reconnectTimer == null && !this.connecting && this.fatal == null
				&& !this.retired) {
			connect();
		}
	}

	private void connect() {
		this.connecting = true;
		setState((this.everOpened || this.attempt > 0) ? new ConnectionState(Phase.RECONNECTING, Math.max(1, this.attempt),
				this.state.reason()) : new ConnectionState(Phase.CONNECTING, 0, null));
		boolean force = this.forceRefresh;
		this.forceRefresh = false;
		Mono.defer(() -> this.provider.credentials(force))
			.defaultIfEmpty(ConvexCredentials.none())
			.timeout(this.options.connectTimeout())
			.subscribe((fresh) -> run(() -> open(fresh, force)), (error) -> run(() -> credentialsFailed(error)));
	}

	private void open(ConvexCredentials fresh, boolean forced) {
		if (this.retired || this.fatal != null) {
			this.connecting = false;
			return;
		}
		ConvexCredentials use = fresh;
		if (forced && this.rejected != null && (fresh.equals(this.rejected) || this.authRejections > MAX_AUTH_REJECTIONS)) {
			logger.warn("No fresh credentials for the live socket to " + this.pool.deployment
					+ " after the backend refused them: continuing without credentials (logged out)");
			use = ConvexCredentials.none();
		}
		this.credentials = use;
		WebSocketConnection opening = new WebSocketConnection(this.options.maxMessageBytes());
		this.connection = opening;
		this.socketOpen = true;
		this.lastReceived = System.nanoTime();
		startInactivityTimer();
		opening.open(this.pool.httpClient(), this.options.syncUri(), this);
	}

	private void credentialsFailed(Throwable error) {
		this.connecting = false;
		logger.warn("Could not get credentials for the live socket to " + this.pool.deployment + ": " + error);
		for (QueryEntry entry : List.copyOf(this.session.queries())) {
			for (Subscriber subscriber : entry.subscribers) {
				this.pool.subscriptions.decrementAndGet();
				subscriber.fail(credentialsFailure(FunctionKind.QUERY, entry.path, error));
			}
			this.session.removeQuery(entry);
		}
		for (PendingRequest request : this.session.clearRequests()) {
			request.sink.error(credentialsFailure(request.kind, request.path, error));
		}
		failSnapshots();
		setState(new ConnectionState(Phase.CLOSED, 0, "no credentials"));
	}

	private static ConvexException credentialsFailure(FunctionKind kind, String path, Throwable error) {
		return (error instanceof ConvexException convex) ? convex
				: new ConvexTransportException(kind, path, "the credentials provider failed ("
						+ error.getClass().getSimpleName() + ")", true, error);
	}

	private void lost(String reason, boolean clientClosed) {
		this.connection = null;
		this.socketOpen = false;
		this.connecting = false;
		boolean wasOpen = this.handshaken;
		this.handshaken = false;
		this.chunks.reset();
		cancel(this.inactivityTimer);
		this.inactivityTimer = null;
		cancel(this.refreshTimer);
		this.refreshTimer = null;
		for (PendingRequest action : this.session.close()) {
			action.sink.error(new ConvexTransportException(action.kind, action.path, "the connection was lost while "
					+ "the action was in flight, so it may or may not have run (an action is never sent again)",
					false, null));
		}
		if (this.retired || this.fatal != null) {
			return;
		}
		if (wasOpen) {
			logger.debug("The live-query socket to " + this.pool.deployment + " closed: " + reason);
		}
		boolean auth = this.restartNow;
		this.restartNow = false;
		this.lastCloseReason = auth ? null : reason;
		if (this.session.isIdle()) {
			retire(reason);
			return;
		}
		this.attempt++;
		// a refused identity restarts at once, but never in a loop: after a few, with backoff
		Duration delay = (auth && this.authRejections <= MAX_AUTH_REJECTIONS) ? Duration.ZERO
				: this.options.backoff().delay(this.attempt, reason, clientClosed, ThreadLocalRandom.current()::nextDouble);
		this.pool.reconnects.incrementAndGet();
		setState(new ConnectionState(Phase.RECONNECTING, this.attempt, reason));
		this.reconnectTimer = this.worker.schedule(() -> safely(() -> {
			this.reconnectTimer = null;
			if (!this.retired && this.fatal == null) {
				connect();
			}
		}), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void startInactivityTimer() {
		cancel(this.inactivityTimer);
		long timeout = this.options.inactivityTimeout().toNanos();
		long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeout / 4);
		this.inactivityTimer = this.worker.schedulePeriodically(() -> safely(() -> {
			WebSocketConnection open = this.connection;
			if (open != null && System.nanoTime() - this.lastReceived > timeout) {
				logger.warn("The Convex backend at " + this.pool.deployment + " sent nothing for "
						+ this.options.inactivityTimeout() + "; reconnecting");
				open.abort("InactiveServer");
			}
		}), period, period, TimeUnit.NANOSECONDS);
	}

	private void maybeIdle() {
		this.snapshots.removeIf(SnapshotRequest::isCancelled);
		if (!this.session.isIdle() || this.idleTimer != null || this.retired || !this.snapshots.isEmpty()) {
			return;
		}
		this.idleTimer = this.worker.schedule(() -> safely(() -> {
			this.idleTimer = null;
			if (this.session.isIdle() && !this.retired && this.snapshots.isEmpty()) {
				retire("idle");
			}
		}), this.options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Leaves the pool: the next call for this identity gets a new socket. */
	private void retire(String reason) {
		if (this.retired) {
			return;
		}
		this.retired = true;
		cancelTimers();
		this.pool.retired(this);
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.close(1000, reason.equals("ClientClosed") ? "ClientClosed" : "Idle");
		}
		if (this.fatal == null) {
			setState(ConnectionState.CLOSED);
		}
	}

	private void cancelTimers() {
		for (Disposable timer : new Disposable[] { this.reconnectTimer, this.inactivityTimer, this.idleTimer,
				this.refreshTimer }) {
			cancel(timer);
		}
		this.reconnectTimer = null;
		this.inactivityTimer = null;
		this.idleTimer = null;
		this.refreshTimer = null;
	}

	// --- snapshots

	private void checkSnapshots() {
		if (this.snapshots.isEmpty() || !this.handshaken) {
			return;
		}
		for (SnapshotRequest request : List.copyOf(this.snapshots)) {
			if (request.isCancelled()) {
				// its caller left: its parts are gone, so it could never complete
				this.snapshots.remove(request);
				continue;
			}
			Map<LiveQuery<?, ?>, QueryResult<?>> results = new LinkedHashMap<>();
			boolean complete = true;
			for (Subscriber part : request.parts.keySet()) {
				QueryEntry entry = this.session.query(part.key);
				QueryResult<?> result = (entry != null && entry.hasFreshResult()) ? entry.result(part.type, this.pool.codec)
						: null;
				if (result == null) {
					complete = false;
					break;
				}
				results.put(request.parts.get(part), result);
			}
			if (complete) {
				this.snapshots.remove(request);
				request.sink.success(new ConvexLiveSnapshot(this.session.remote().ts(), results));
			}
		}
	}

	private void failSnapshots() {
		for (SnapshotRequest request : this.snapshots) {
			request.sink.error((this.fatal != null) ? fatalFailure(FunctionKind.QUERY, request.firstPath())
					: new ConvexTransportException(FunctionKind.QUERY, request.firstPath(), "the live-query session ended",
							false, null));
		}
		this.snapshots.clear();
	}

	// --- plumbing

	private void send(@Nullable String frame) {
		WebSocketConnection open = this.connection;
		if (frame != null && open != null) {
			open.send(frame);
		}
	}

	private void setState(ConnectionState next) {
		this.state = next;
		this.pool.stateChanged(this.provider, next);
	}

	private void run(Runnable task) {
		try {
			this.worker.schedule(() -> safely(task));
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			logger.debug("The live-query socket is closed; dropping a task");
		}
	}

	private static void safely(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure in the live-query socket", ex);
		}
	}

	private static void cancel(@Nullable Disposable timer) {
		if (timer != null) {
			timer.dispose();
		}
	}

	/**
	 * A snapshot waiting for every part to have a result on the current socket; its parts
	 * are subscribers that keep the queries in the set meanwhile.
	 */
	static final class SnapshotRequest {

		final Map<Subscriber, LiveQuery<?, ?>> parts;

		final MonoSink<ConvexLiveSnapshot> sink;

		SnapshotRequest(Map<Subscriber, LiveQuery<?, ?>> parts, MonoSink<ConvexLiveSnapshot> sink) {
			this.parts = parts;
			this.sink = sink;
		}

		String firstPath() {
			return this.parts.keySet().iterator().next().path;
		}

		boolean isCancelled() {
			return this.parts.keySet().iterator().next().cancelled;
		}

	}

}
