package io.convexspring.test.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One socket's subscribed queries by {@code queryId}, with its version and what was last sent
 * for each query, so that a refresh sends only results that changed. Removed queries wait here
 * until the next Transition acknowledges them with {@code QueryRemoved}. Used on the socket's
 * lane only.
 */
final class QuerySet {

	private final Map<Long, Query> queries = new LinkedHashMap<>();

	private final List<Long> removed = new ArrayList<>();

	private long version;

	long version() {
		return this.version;
	}

	/**
	 * Applies a {@code ModifyQuerySet}: the base version must be the current one (fatal
	 * otherwise), the new version higher, added ids new and removed ids known (1011 otherwise).
	 */
	void apply(ClientMessage.ModifyQuerySet change) {
		if (change.baseVersion() != this.version) {
			throw ProtocolViolationException.fatal("Base version " + change.baseVersion()
					+ " passed up doesn't match the current version " + this.version);
		}
		if (change.newVersion() <= change.baseVersion()) {
			throw ProtocolViolationException.internal("New version " + change.newVersion()
					+ " is not greater than base version " + change.baseVersion());
		}
		for (ClientMessage.QuerySetChange modification : change.modifications()) {
			if (modification instanceof ClientMessage.Add add) {
				if (this.queries.containsKey(add.queryId())) {
					throw ProtocolViolationException.internal("Duplicate query id " + add.queryId());
				}
				this.queries.put(add.queryId(), new Query(add.queryId(), add.udfPath(), add.args()));
			}
			else if (this.queries.remove(modification.queryId()) != null) {
				this.removed.add(modification.queryId());
			}
			else {
				throw ProtocolViolationException.internal("Remove of unknown query id " + modification.queryId());
			}
		}
		this.version = change.newVersion();
	}

	@Nullable Query query(long queryId) {
		return this.queries.get(queryId);
	}

	Collection<Query> queries() {
		return this.queries.values();
	}

	/** The removals not yet acknowledged; taking them clears them. */
	List<Long> takeRemoved() {
		List<Long> taken = List.copyOf(this.removed);
		this.removed.clear();
		return taken;
	}

	/** A subscribed query and the result last sent for it ({@code null} before the first). */
	static final class Query {

		private static final Pattern REQUEST_ID = Pattern.compile("^\\[Request ID: [0-9a-f]+] ");

		private final long queryId;

		private final String udfPath;

		private final JsonNode args;

		private @Nullable Outcome lastSent;

		Query(long queryId, String udfPath, JsonNode args) {
			this.queryId = queryId;
			this.udfPath = udfPath;
			this.args = args;
		}

		long queryId() {
			return this.queryId;
		}

		String udfPath() {
			return this.udfPath;
		}

		JsonNode args() {
			return this.args;
		}

		/**
		 * Records a new result; true when it differs from the one last sent. A failure's fresh
		 * request id alone is no change: the backend too sends a result only when it changed.
		 */
		boolean update(Outcome outcome) {
			Outcome seen = withoutRequestId(outcome);
			if (seen.equals(this.lastSent)) {
				return false;
			}
			this.lastSent = seen;
			return true;
		}

		private static Outcome withoutRequestId(Outcome outcome) {
			if (outcome instanceof Outcome.Failure failure) {
				return new Outcome.Failure(REQUEST_ID.matcher(failure.errorMessage()).replaceFirst(""),
						failure.errorDataJson(), failure.logLines());
			}
			return outcome;
		}

	}

}
