package io.convexspring.live;

/**
 * Where a socket's protocol session stands: the query set version, the identity version and
 * the database timestamp of the results.
 *
 * @param querySet the query set version
 * @param identity the identity version
 * @param ts the timestamp, in nanoseconds
 */
record StateVersion(int querySet, int identity, long ts) {

	static final StateVersion INITIAL = new StateVersion(0, 0, 0);

}
