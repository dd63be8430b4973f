package io.convexspring.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.Disposable;

import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexTransport;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.LiveBenchmarkAccess;

/**
 * The live client: a mutation over the socket until a subscriber holds its new value, on the
 * loopback sync server; and Transitions decoded, applied and handed to 1,000 subscribers of one
 * query, without a socket.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiveBenchmarks {

	static final ConvexQuery<Void, Long> COUNT = ConvexQuery.of("counter:get", Void.class, Long.class);

	static final ConvexMutation<Void, Long> INCREMENT = ConvexMutation.of("counter:increment", Void.class, Long.class);

	static final int FAN_OUT = 1000;

	LoopbackSyncServer server;

	ConvexLiveClient live;

	Disposable subscription;

	final AtomicLong seen = new AtomicLong(-1);

	LiveBenchmarkAccess fanOut;

	/** Starts the server, the client and one subscription, and waits for its first value. */
	@Setup(Level.Trial)
	public void start() {
		this.server = new LoopbackSyncServer();
		this.live = ConvexLiveClient.builder(ConvexTransport.builder(this.server.url()).build()).build();
		this.subscription = this.live.subscribe(COUNT, null).subscribe(this.seen::set);
		while (this.seen.get() < 0) {
			Thread.onSpinWait();
		}
		this.fanOut = new LiveBenchmarkAccess(ConvexCodec.create(), FAN_OUT);
	}

	/** Stops them. */
	@TearDown(Level.Trial)
	public void stop() {
		this.subscription.dispose();
		this.live.close();
		this.server.close();
	}

	/**
	 * A mutation over the socket, until the subscriber holds its new value: the mutation's
	 * response, the Transition after it, and delivery to the subscriber's thread.
	 * @return the new count
	 */
	@Benchmark
	public long mutationUntilSubscriberHasNewValue() {
		Long count = this.live.mutation(INCREMENT, null).block();
		while (this.seen.get() < count) {
			Thread.onSpinWait();
		}
		return count;
	}

	/**
	 * One Transition decoded, applied, and handed to 1,000 subscribers of the query (bound once
	 * for their shared type). Its inverse is the Transitions per second one socket can take.
	 * @return the values delivered so far
	 */
	@Benchmark
	public long transitionToThousandSubscribers() {
		return this.fanOut.apply(this.fanOut.nextFrame());
	}

}
