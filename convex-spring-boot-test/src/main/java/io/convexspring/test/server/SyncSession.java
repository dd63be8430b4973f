package io.convexspring.test.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

/**
 * One sync-protocol socket's session: its query set, identity and versions, the Transitions it
 * sends, and its requests. Every state change and every frame sent happens on the socket's lane,
 * one task at a time; mutations run on a second lane, one at a time in arrival order as on the
 * backend, so a slow mutation holds up neither subscriptions nor actions.
 */
final class SyncSession {

	private final Backend backend;

	private final ClientMessages parser;

	private final int transitionChunkSize;

	private final SerialExecutor lane;

	private final SerialExecutor mutations;

	private final Sinks.Many<WebSocketFrame> frames = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean refreshQueued = new AtomicBoolean();

	private volatile @Nullable Connection connection;

	// The rest is lane state.

	private final QuerySet querySet = new QuerySet();

	private @Nullable UUID sessionId;

	private @Nullable Long clientClockSkew;

	private long identityVersion;

	private Identity identity = Identity.anonymous();

	private StateVersion sent = StateVersion.INITIAL;

	/** A MutationResponse went out: a Transition must follow, even an empty one, so the client resolves. */
	private boolean transitionOwed;

	private boolean closed;

	/**
	 * Creates a session.
	 * @param transitionChunkSize Transitions longer than this many characters go out as
	 * {@code TransitionChunk}s; 0 for never
	 */
	SyncSession(Backend backend, ClientMessages parser, int transitionChunkSize) {
		this.backend = backend;
		this.parser = parser;
		this.transitionChunkSize = transitionChunkSize;
		this.lane = new SerialExecutor(backend.workers());
		this.mutations = new SerialExecutor(backend.workers());
	}

	/** The frames to send, ending after a close frame. */
	Flux<WebSocketFrame> frames() {
		return this.frames.asFlux();
	}

	void attach(Connection connection) {
		this.connection = connection;
	}

	void receive(String text) {
		this.lane.execute(() -> handle(text));
	}

	void receiveBinary() {
		this.lane.execute(() -> fail(ProtocolViolationException.internal("Unexpected message type: binary")));
	}

	/** Re-runs the subscribed queries soon; requests made while one is queued are folded into it. */
	void requestRefresh() {
		if (this.refreshQueued.compareAndSet(false, true)) {
			this.lane.execute(() -> {
				this.refreshQueued.set(false);
				refresh();
			});
		}
	}

	void ping() {
		this.lane.execute(() -> send(Envelopes.ping()));
	}

	/** Closes the TCP connection without a close frame, as a network failure would. */
	void drop() {
		Connection current = this.connection;
		if (current != null) {
			current.channel().close();
		}
		ended();
	}

	/** The socket is gone, closed by either side. */
	void ended() {
		this.backend.unregister(this);
		this.lane.execute(() -> this.closed = true);
	}

	private void handle(String text) {
		if (this.closed) {
			return;
		}
		try {
			ClientMessage message = this.parser.parse(text);
			if (this.sessionId == null && !(message instanceof ClientMessage.Connect)) {
				throw ProtocolViolationException.fatal("Expected Connect as the first message, got " + text);
			}
			if (message instanceof ClientMessage.Connect connect) {
				connect(connect);
			}
			else if (message instanceof ClientMessage.ModifyQuerySet change) {
				this.querySet.apply(change);
				refresh();
			}
			else if (message instanceof ClientMessage.Authenticate authenticate) {
				authenticate(authenticate);
			}
			else if (message instanceof ClientMessage.Request request) {
				request(request);
			}
		}
		catch (ProtocolViolationException ex) {
			fail(ex);
		}
	}

	private void connect(ClientMessage.Connect connect) {
		if (this.sessionId != null) {
			throw ProtocolViolationException.fatal("Connect received twice on one socket");
		}
		Long observed = connect.maxObservedTimestamp();
		if (observed != null && Long.compareUnsigned(observed, this.backend.timeline().latest()) > 0) {
			throw ProtocolViolationException.internal("Client has seen timestamp " + observed + " from the future");
		}
		this.sessionId = connect.sessionId();
		Long clientTs = connect.clientTs();
		this.clientClockSkew = (clientTs != null) ? clientTs - System.currentTimeMillis() : null;
	}

	private void authenticate(ClientMessage.Authenticate authenticate) {
		if (authenticate.baseVersion() != this.identityVersion) {
			throw ProtocolViolationException.internal("Identity base version " + authenticate.baseVersion()
					+ " passed up doesn't match the current version " + this.identityVersion);
		}
		if (authenticate.identity().kind() != Identity.Kind.ANONYMOUS) {
			try {
				this.backend.tokenVerifier().verify(authenticate.identity());
			}
			catch (RequestRefusedException ex) {
				// The rejection is the socket's last message; the version stays at the last one sent.
				send(Envelopes.authError(String.valueOf(ex.getMessage()), this.sent.identity(), true));
				close(null);
				return;
			}
		}
		this.identity = authenticate.identity();
		this.identityVersion++;
		refresh();
	}

	private void request(ClientMessage.Request request) {
		if (!identityStillValid()) {
			return;
		}
		Identity caller = this.identity;
		String path;
		try {
			path = FunctionPaths.canonical(request.udfPath());
		}
		catch (IllegalArgumentException ex) {
			Outcome failure = new Outcome.Failure(String.valueOf(ex.getMessage()), null, List.of());
			send(request.mutation() ? Envelopes.mutationResponse(request.requestId(), failure, 0)
					: Envelopes.actionResponse(request.requestId(), failure));
			return;
		}
		UUID session = this.sessionId;
		if (request.mutation() && session != null) {
			MutationLog.Key key = new MutationLog.Key(session, request.requestId());
			this.mutations.execute(() -> this.backend.mutation(key, path, request.args(), caller,
					(result) -> this.lane.execute(() -> mutationResponse(request.requestId(), result))));
		}
		else {
			this.backend.workers().execute(() -> {
				Outcome outcome = this.backend.action(path, request.args(), caller);
				this.lane.execute(() -> answer(Envelopes.actionResponse(request.requestId(), outcome), outcome));
			});
		}
	}

	private void mutationResponse(long requestId, Backend.MutationResult result) {
		answer(Envelopes.mutationResponse(requestId, result.outcome(), result.ts()), result.outcome());
		if (result.ts() != 0) {
			this.transitionOwed = true;
			requestRefresh();
		}
	}

	private void answer(String response, Outcome outcome) {
		if (outcome instanceof Outcome.Dropped) {
			drop();
		}
		else {
			send(response);
		}
	}

	/**
	 * Re-runs every subscribed query at one snapshot and sends one Transition with the results
	 * that changed, the acknowledged removals and the versions received; none when nothing moved.
	 */
	private void refresh() {
		if (this.closed || this.sessionId == null || !identityStillValid()) {
			return;
		}
		Identity caller = this.identity;
		Timeline.Snapshot<List<QueryModification.Result>> snapshot = this.backend.timeline().read(() -> {
			List<QueryModification.Result> results = new ArrayList<>();
			for (QuerySet.Query query : this.querySet.queries()) {
				results.add(new QueryModification.Result(query.queryId(), run(query, caller)));
			}
			return results;
		});
		List<QueryModification> modifications = new ArrayList<>();
		this.querySet.takeRemoved().forEach((queryId) -> modifications.add(new QueryModification.Removed(queryId)));
		for (QueryModification.Result result : snapshot.value()) {
			if (result.outcome() instanceof Outcome.Dropped) {
				drop();
				return;
			}
			QuerySet.Query query = this.querySet.query(result.queryId());
			if (query != null && query.update(result.outcome())) {
				modifications.add(result);
			}
		}
		StateVersion end = new StateVersion(this.querySet.version(), this.identityVersion,
				Math.max(snapshot.ts(), this.sent.ts()));
		if (modifications.isEmpty() && end.equals(this.sent) && !this.transitionOwed) {
			return;
		}
		sendTransition(Envelopes.transition(this.sent, end, modifications, this.clientClockSkew, Timeline.epochNanos()));
		this.sent = end;
		this.transitionOwed = false;
	}

	/**
	 * Checks the socket's identity again, as the backend does before each operation and update:
	 * one the verifier now rejects (an expired token, say) gets
	 * {@code AuthError{authUpdateAttempted: false}} and the socket closes.
	 */
	private boolean identityStillValid() {
		if (this.identity.kind() == Identity.Kind.ANONYMOUS) {
			return true;
		}
		try {
			this.backend.tokenVerifier().verify(this.identity);
			return true;
		}
		catch (RequestRefusedException ex) {
			send(Envelopes.authError(String.valueOf(ex.getMessage()), this.sent.identity(), false));
			close(null);
			return false;
		}
	}

	private Outcome run(QuerySet.Query query, Identity caller) {
		String path;
		try {
			path = FunctionPaths.canonical(query.udfPath());
		}
		catch (IllegalArgumentException ex) {
			return new Outcome.Failure(String.valueOf(ex.getMessage()), null, List.of());
		}
		Outcome outcome = this.backend.queryInSnapshot(path, query.args(), caller);
		if (outcome instanceof Outcome.Refused refused) {
			return new Outcome.Failure(refused.refusal().code() + ": " + refused.refusal().getMessage(), null,
					List.of());
		}
		return outcome;
	}

	private void fail(ProtocolViolationException violation) {
		if (this.closed) {
			return;
		}
		if (violation.isFatal()) {
			send(Envelopes.fatalError(String.valueOf(violation.getMessage())));
			close(null);
		}
		else {
			close(new CloseWebSocketFrame(1011, "InternalServerError"));
		}
	}

	/** Sends a close frame (none given: one without a status, which the client sees as 1005) and ends. */
	private void close(@Nullable CloseWebSocketFrame frame) {
		this.closed = true;
		this.frames.tryEmitNext((frame != null) ? frame : new CloseWebSocketFrame());
		this.frames.tryEmitComplete();
		this.backend.unregister(this);
	}

	/** Cuts a long Transition into parts at character boundaries, never inside a surrogate pair. */
	private void sendTransition(String transition) {
		int size = this.transitionChunkSize;
		if (size <= 0 || transition.length() <= size) {
			send(transition);
			return;
		}
		List<String> parts = new ArrayList<>();
		for (int start = 0; start < transition.length();) {
			int end = Math.min(start + size, transition.length());
			if (end < transition.length() && Character.isHighSurrogate(transition.charAt(end - 1))) {
				end = (end - 1 > start) ? end - 1 : end + 1;
			}
			parts.add(transition.substring(start, end));
			start = end;
		}
		String transitionId = String.valueOf(transition.length());
		for (int i = 0; i < parts.size(); i++) {
			send(Envelopes.transitionChunk(parts.get(i), i, parts.size(), transitionId));
		}
	}

	private void send(String text) {
		if (!this.closed) {
			this.frames.tryEmitNext(new TextWebSocketFrame(text));
		}
	}

}
