package io.convexspring.test.server;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The deployment's commit order. Mutations run one at a time under the write lock and each
 * success takes the next timestamp (nanoseconds since the epoch, strictly increasing), so
 * {@code ts} is monotonic; queries run under the read lock, so the timestamp read with their
 * results is the snapshot those results were computed at.
 */
final class Timeline {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	private long latest = epochNanos();

	/** Runs a write alone: no other write and no read runs meanwhile. */
	<T> T write(Supplier<T> mutation) {
		this.lock.writeLock().lock();
		try {
			return mutation.get();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Commits the running write: takes the next timestamp.
	 * @return the commit timestamp
	 * @throws IllegalStateException outside {@link #write}
	 */
	long commit() {
		if (!this.lock.isWriteLockedByCurrentThread()) {
			throw new IllegalStateException("commit() outside write()");
		}
		this.latest = Math.max(epochNanos(), this.latest + 1);
		return this.latest;
	}

	/** The timestamp of the last commit. */
	long latest() {
		this.lock.readLock().lock();
		try {
			return this.latest;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Runs reads at one snapshot: no commit lands while they run. */
	<T> Snapshot<T> read(Supplier<T> reads) {
		this.lock.readLock().lock();
		try {
			return new Snapshot<>(reads.get(), this.latest);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Now, in the protocol's unit: nanoseconds since the epoch. */
	static long epochNanos() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	/**
	 * Reads and the timestamp they saw.
	 * @param value what the reads returned
	 * @param ts the snapshot's timestamp
	 */
	record Snapshot<T>(T value, long ts) {
	}

}
