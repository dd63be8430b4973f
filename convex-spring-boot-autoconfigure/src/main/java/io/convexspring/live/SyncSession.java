package io.convexspring.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.live.ClientMessages.Add;
import io.convexspring.live.ClientMessages.Modification;
import io.convexspring.live.ClientMessages.Remove;
import io.convexspring.live.ServerMessage.QueryModification;
import io.convexspring.live.ServerMessage.QueryRemoved;
import io.convexspring.live.ServerMessage.Response;
import io.convexspring.live.ServerMessage.Transition;

/**
 * The sync protocol's client state for one socket identity, across its reconnects: the session
 * id, the query set and its version, the identity version, the remote version, the request
 * table. It decides which frames to send and what an incoming message changes; it does no I/O.
 * Not thread-safe: every call comes from the socket's one protocol thread (§6.11).
 */
final class SyncSession {

	private final UUID sessionId = UUID.randomUUID();

	private int connectionCount = -1;

	private int nextQueryId;

	private int nextRequestId;

	private int querySetVersion;

	private int identityVersion;

	private StateVersion remote = StateVersion.INITIAL;

	private long maxObservedTimestamp;

	private boolean open;

	private final Map<String, QueryEntry> byKey = new LinkedHashMap<>();

	private final Map<Integer, QueryEntry> byId = new HashMap<>();

	private final TreeMap<Integer, PendingRequest> requests = new TreeMap<>();

	UUID sessionId() {
		return this.sessionId;
	}

	boolean isOpen() {
		return this.open;
	}

	boolean isIdle() {
		return this.byKey.isEmpty() && this.requests.isEmpty();
	}

	StateVersion remote() {
		return this.remote;
	}

	int identityVersion() {
		return this.identityVersion;
	}

	Collection<QueryEntry> queries() {
		return this.byKey.values();
	}

	int requestCount() {
		return this.requests.size();
	}

	@Nullable QueryEntry query(String key) {
		return this.byKey.get(key);
	}

	QueryEntry addQuery(String path, String argsJson) {
		QueryEntry entry = new QueryEntry(this.nextQueryId++, path, argsJson, QueryEntry.key(path, argsJson));
		this.byKey.put(entry.key, entry);
		this.byId.put(entry.queryId, entry);
		return entry;
	}

	/** The frame that adds the query on an open socket, else {@code null} (the next open adds it). */
	@Nullable String addFrame(QueryEntry entry) {
		return this.open ? modify(List.of(new Add(entry.queryId, entry.path, entry.argsJson, false, null))) : null;
	}

	/** Forgets the query, result and all; returns the frame that removes it, if the socket is open. */
	@Nullable String removeQuery(QueryEntry entry) {
		this.byKey.remove(entry.key);
		this.byId.remove(entry.queryId);
		return this.open ? modify(List.of(new Remove(entry.queryId))) : null;
	}

	private String modify(List<Modification> modifications) {
		int base = this.querySetVersion;
		this.querySetVersion = base + 1;
		return ClientMessages.modifyQuerySet(base, this.querySetVersion, modifications);
	}

	/** Tracks a request; returns its frame if the socket is open, else {@code null} (sent on open). */
	@Nullable String addRequest(PendingRequest request) {
		request.requestId = this.nextRequestId++;
		this.requests.put(request.requestId, request);
		if (!this.open) {
			return null;
		}
		request.sent = true;
		return request.frame();
	}

	/**
	 * Forgets a request whose caller gave up (cancelled, or its deadline passed), sent or not:
	 * nobody waits for its outcome, so it is not sent again after a reconnect and does not
	 * keep the socket from idling.
	 */
	boolean drop(PendingRequest request) {
		return request.requestId >= 0 && this.requests.remove(request.requestId, request);
	}

	/**
	 * The frames that start a new socket, in the protocol's order: Connect, Authenticate
	 * (version 0), the whole query set (0 to 1) with original ids and journals, every tracked
	 * mutation with its original request id, then requests never sent.
	 */
	List<String> open(ConvexCredentials credentials, @Nullable String lastCloseReason, long clientTs) {
		this.connectionCount++;
		this.querySetVersion = 0;
		this.identityVersion = 0;
		this.remote = StateVersion.INITIAL;
		this.open = true;
		List<String> frames = new ArrayList<>();
		frames.add(ClientMessages.connect(this.sessionId, this.connectionCount,
				(this.connectionCount == 0) ? "InitialConnect" : lastCloseReason, clientTs, this.maxObservedTimestamp));
		if (credentials.kind() != ConvexCredentials.Kind.NONE) {
			frames.add(authenticate(credentials));
		}
		List<Modification> adds = new ArrayList<>(this.byKey.size());
		for (QueryEntry entry : this.byKey.values()) {
			entry.reopened();
			adds.add(new Add(entry.queryId, entry.path, entry.argsJson, entry.hasJournal(), entry.journal()));
		}
		frames.add(modify(adds));
		for (PendingRequest request : this.requests.values()) {
			if (request.sent && request.isMutation()) {
				frames.add(request.frame());
			}
		}
		for (PendingRequest request : this.requests.values()) {
			if (!request.sent) {
				request.sent = true;
				frames.add(request.frame());
			}
		}
		return frames;
	}

	/** The Authenticate frame for new credentials on this socket. */
	String authenticate(ConvexCredentials credentials) {
		String frame = ClientMessages.authenticate(this.identityVersion, credentials);
		this.identityVersion++;
		return frame;
	}

	/** The socket closed: returns the actions in flight, which are dropped (never re-sent). */
	List<PendingRequest> close() {
		this.open = false;
		List<PendingRequest> lost = new ArrayList<>();
		for (Iterator<PendingRequest> it = this.requests.values().iterator(); it.hasNext();) {
			PendingRequest request = it.next();
			if (request.sent && !request.isMutation()) {
				lost.add(request);
				it.remove();
			}
		}
		return lost;
	}

	/** Drops everything tracked, for a session that ends: returns the requests. */
	List<PendingRequest> clearRequests() {
		List<PendingRequest> all = new ArrayList<>(this.requests.values());
		this.requests.clear();
		return all;
	}

	/**
	 * Applies a Transition.
	 * @throws StartVersionMismatch if it does not start at the remote version
	 */
	Applied apply(Transition transition) {
		if (!transition.start().equals(this.remote)) {
			throw new StartVersionMismatch(transition.start(), this.remote);
		}
		List<QueryEntry> changed = new ArrayList<>(transition.modifications().size());
		for (QueryModification modification : transition.modifications()) {
			QueryEntry entry = this.byId.get(modification.queryId());
			// results for queries removed here can still come until the server has the Remove
			if (entry != null && !(modification instanceof QueryRemoved)) {
				entry.update(modification);
				changed.add(entry);
			}
		}
		boolean identityAdvanced = transition.end().identity() > transition.start().identity();
		this.remote = transition.end();
		this.maxObservedTimestamp = Math.max(this.maxObservedTimestamp, transition.end().ts());
		List<PendingRequest> reflected = new ArrayList<>();
		for (Iterator<PendingRequest> it = this.requests.values().iterator(); it.hasNext();) {
			PendingRequest request = it.next();
			if (request.completed && Long.compareUnsigned(request.ts, this.remote.ts()) <= 0) {
				reflected.add(request);
				it.remove();
			}
		}
		return new Applied(changed, reflected, identityAdvanced);
	}

	/**
	 * Takes a mutation's or action's response.
	 * @return the request to settle now: a failure, an action, or a mutation whose commit the
	 * remote version already shows; {@code null} if it is unknown (ignored, §6.5) or waits for
	 * a Transition
	 */
	@Nullable PendingRequest response(Response response) {
		PendingRequest request = this.requests.get(response.requestId());
		if (request == null || request.completed || request.isMutation() != response.mutation()) {
			return null;
		}
		if (response.mutation() && response.success()) {
			request.completed = true;
			request.ts = response.ts();
			request.result = response.result();
			request.resultLogLines = response.logLines();
			this.maxObservedTimestamp = Math.max(this.maxObservedTimestamp, response.ts());
			if (Long.compareUnsigned(response.ts(), this.remote.ts()) > 0) {
				return null;
			}
		}
		this.requests.remove(response.requestId());
		return request;
	}

	/** Whether an AuthError refers to an identity older than the last one sent. */
	boolean isStale(ServerMessage.AuthError error) {
		return error.baseVersion() >= 0 && error.baseVersion() + 1 < this.identityVersion;
	}

	/**
	 * What a Transition changed.
	 *
	 * @param changed the queries with a new result
	 * @param reflected the mutations it shows, to settle
	 * @param identityAdvanced whether it accepts an {@code Authenticate}
	 */
	record Applied(List<QueryEntry> changed, List<PendingRequest> reflected, boolean identityAdvanced) {

	}

	/** A Transition that does not start where the last one ended: the socket is out of step. */
	static final class StartVersionMismatch extends RuntimeException {

		StartVersionMismatch(StateVersion start, StateVersion remote) {
			super("a Transition that starts at " + start + ", not at the remote version " + remote, null, false, false);
		}

	}

}
