package io.convexspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;

import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexTransport;
import io.convexspring.live.ConvexLiveClient;

/**
 * Memory per subscription: subscribes to 10,000 distinct queries (each its own arguments) on one
 * socket of the loopback sync server, waits for every first result, and prints the heap each
 * subscription holds (client state, socket query set, latest result, Reactor subscriber), after
 * full collections before and after. Run with
 * {@code java -cp benchmarks.jar io.convexspring.benchmarks.LiveMemory [subscriptions]}.
 */
public final class LiveMemory {

	/** A query's arguments: each subscription its own. */
	record Key(int n) {
	}

	static final ConvexQuery<Key, Long> COUNT = ConvexQuery.of("counter:get", Key.class, Long.class);

	private LiveMemory() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of subscriptions (10,000 unless given)
	 * @throws Exception as it fails
	 */
	public static void main(String[] args) throws Exception {
		int subscriptions = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		System.out.printf("%,d subscriptions on one socket: %,d bytes per subscription%n", subscriptions,
				bytesPerSubscription(subscriptions));
	}

	/**
	 * Measures the heap held per subscription.
	 * @param subscriptions how many
	 * @return the bytes per subscription
	 * @throws InterruptedException if interrupted
	 */
	public static long bytesPerSubscription(int subscriptions) throws InterruptedException {
		try (LoopbackSyncServer server = new LoopbackSyncServer()) {
			ConvexLiveClient live = ConvexLiveClient.builder(ConvexTransport.builder(server.url()).build()).build();
			try {
				// one subscription first, so the socket and its threads exist before the baseline
				CountDownLatch opened = new CountDownLatch(1);
				Disposable first = live.subscribe(COUNT, new Key(-1)).subscribe((value) -> opened.countDown());
				await(opened);
				long before = usedHeap();
				CountDownLatch received = new CountDownLatch(subscriptions);
				List<Disposable> all = new ArrayList<>(subscriptions);
				for (int i = 0; i < subscriptions; i++) {
					all.add(live.subscribe(COUNT, new Key(i)).subscribe((value) -> received.countDown()));
				}
				await(received);
				long after = usedHeap();
				all.forEach(Disposable::dispose);
				first.dispose();
				return (after - before) / subscriptions;
			}
			finally {
				live.close();
			}
		}
	}

	private static void await(CountDownLatch latch) throws InterruptedException {
		if (!latch.await(120, TimeUnit.SECONDS)) {
			throw new IllegalStateException("results did not arrive within 2 minutes");
		}
	}

	private static long usedHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
