package io.convexspring.test.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

/**
 * What the HTTP API and every sync socket share: the functions, the commit order, the record of
 * mutations for de-duplication, the token check, the worker threads, and the open sync sessions,
 * which are told to re-run their queries after each commit.
 */
final class Backend {

	private final FunctionRunner runner;

	private final Timeline timeline = new Timeline();

	private final MutationLog mutationLog = new MutationLog();

	private final TokenVerifier tokenVerifier;

	private final ExecutorService workers;

	private final Set<SyncSession> sessions = ConcurrentHashMap.newKeySet();

	Backend(FunctionRunner runner, TokenVerifier tokenVerifier, ExecutorService workers) {
		this.runner = runner;
		this.tokenVerifier = tokenVerifier;
		this.workers = workers;
	}

	ConvexCodec codec() {
		return this.runner.codec();
	}

	ExecutorService workers() {
		return this.workers;
	}

	TokenVerifier tokenVerifier() {
		return this.tokenVerifier;
	}

	Timeline timeline() {
		return this.timeline;
	}

	/** A query at the latest snapshot. */
	Outcome query(String path, JsonNode args, Identity identity) {
		return this.timeline.read(() -> this.runner.run(FunctionKind.QUERY, path, args, identity)).value();
	}

	/** Runs a query while the caller already holds a snapshot ({@link Timeline#read}). */
	Outcome queryInSnapshot(String path, JsonNode args, Identity identity) {
		return this.runner.run(FunctionKind.QUERY, path, args, identity);
	}

	/** Runs a mutation sent over HTTP, as {@link #mutation(MutationLog.Key, String, JsonNode, Identity, Consumer)}. */
	Outcome mutation(String path, JsonNode args, Identity identity) {
		return mutation(null, path, args, identity, (result) -> {
		}).outcome();
	}

	/**
	 * Runs a mutation alone, commits it if it succeeded, then tells every session to refresh.
	 * @param key the sync client's {@code (sessionId, requestId)}: a recorded success is returned
	 * without running again; {@code null} over HTTP
	 * @param answer gets the result before any session is told to refresh, so that a socket can
	 * queue its {@code MutationResponse} ahead of the Transition that reflects the write
	 */
	MutationResult mutation(MutationLog.@Nullable Key key, String path, JsonNode args, Identity identity,
			Consumer<MutationResult> answer) {
		MutationResult result = this.timeline.write(() -> {
			MutationLog.Recorded recorded = (key != null) ? this.mutationLog.find(key) : null;
			if (recorded != null) {
				return new MutationResult(recorded.outcome(), recorded.ts());
			}
			Outcome outcome = this.runner.run(FunctionKind.MUTATION, path, args, identity);
			if (!(outcome instanceof Outcome.Success success)) {
				return new MutationResult(outcome, 0);
			}
			long ts = this.timeline.commit();
			if (key != null) {
				this.mutationLog.record(key, new MutationLog.Recorded(success, ts));
			}
			return new MutationResult(outcome, ts);
		});
		answer.accept(result);
		if (result.ts() != 0) {
			refreshAll();
		}
		return result;
	}

	Outcome action(String path, JsonNode args, Identity identity) {
		return this.runner.run(FunctionKind.ACTION, path, args, identity);
	}

	/**
	 * Pushes new results of subscribed queries without a mutation: takes a new timestamp, as if
	 * something the queries read had been written, and refreshes every session.
	 */
	void invalidate() {
		this.timeline.write(this.timeline::commit);
		refreshAll();
	}

	void register(SyncSession session) {
		this.sessions.add(session);
	}

	void unregister(SyncSession session) {
		this.sessions.remove(session);
	}

	int sessionCount() {
		return this.sessions.size();
	}

	void dropConnections() {
		this.sessions.forEach(SyncSession::drop);
	}

	private void refreshAll() {
		this.sessions.forEach(SyncSession::requestRefresh);
	}

	/**
	 * A mutation's outcome.
	 * @param ts its commit timestamp, 0 when it failed
	 */
	record MutationResult(Outcome outcome, long ts) {
	}

}
