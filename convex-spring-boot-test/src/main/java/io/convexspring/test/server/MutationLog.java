package io.convexspring.test.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The outcomes of successful mutations sent over the sync protocol, by
 * {@code (sessionId, requestId)}: a client that re-sends a mutation after a reconnect gets the
 * recorded result and commit timestamp, and the mutation does not run twice. Failures are not
 * recorded, as on the backend. Bounded, oldest first out; used only inside a
 * {@link Timeline#write}, so the check and the record are atomic with the commit.
 */
final class MutationLog {

	private static final int CAPACITY = 10_000;

	private final Map<Key, Recorded> recorded = new LinkedHashMap<>(16, 0.75f, false) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
			return size() > CAPACITY;
		}

	};

	@Nullable Recorded find(Key key) {
		return this.recorded.get(key);
	}

	void record(Key key, Recorded outcome) {
		this.recorded.put(key, outcome);
	}

	/** Which mutation of which client session. */
	record Key(UUID sessionId, long requestId) {
	}

	/**
	 * A committed mutation.
	 * @param outcome its success
	 * @param ts its commit timestamp
	 */
	record Recorded(Outcome.Success outcome, long ts) {
	}

}
