package io.convexspring.test.server;

/**
 * A point in one socket's protocol session: the query-set and identity versions the server has
 * taken into account, and the timestamp its results were computed at.
 *
 * @param querySet the last query-set version received and applied
 * @param identity the last identity version received and applied
 * @param ts the snapshot timestamp
 */
record StateVersion(long querySet, long identity, long ts) {

	static final StateVersion INITIAL = new StateVersion(0, 0, 0);

}
