package io.convexspring.live;

import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JavaType;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.SyncTimestamps;

/**
 * Lets the live benchmarks run the socket's own decoding and fan-out (package-private) without
 * a socket: a session with one query and many subscribers, fed one Transition frame at a time,
 * as the socket's worker is. Lives in the benchmarks module only; the library has no such class.
 */
public final class LiveBenchmarkAccess {

	private final ServerMessageReader reader;

	private final ConvexCodec codec;

	private final SyncSession session = new SyncSession();

	private final AtomicLong delivered = new AtomicLong();

	private long ts;

	/**
	 * Sets up a session with one query ({@code messages:count}, a {@code long} result) and
	 * subscribers to it.
	 * @param codec the codec
	 * @param subscribers how many subscribers share the query
	 */
	public LiveBenchmarkAccess(ConvexCodec codec, int subscribers) {
		this.codec = codec;
		this.reader = new ServerMessageReader(codec);
		this.session.open(ConvexCredentials.none(), null, 0);
		QueryEntry entry = this.session.addQuery("messages:count", "{}");
		this.session.addFrame(entry);
		JavaType type = codec.javaType(Long.class);
		Subscriber.Target target = new Subscriber.Target() {

			@Override
			public void next(Object value) {
				LiveBenchmarkAccess.this.delivered.incrementAndGet();
			}

			@Override
			public void error(Throwable failure) {
				throw new IllegalStateException(failure);
			}

			@Override
			public void complete() {
			}

		};
		for (int i = 0; i < subscribers; i++) {
			entry.subscribers.add(new Subscriber("messages:count", "{}", type, false, target));
		}
	}

	/**
	 * Writes the next Transition as the server would: the query's new count, one step on.
	 * @return the frame's text
	 */
	public String nextFrame() {
		long start = this.ts;
		this.ts++;
		return "{\"type\":\"Transition\",\"startVersion\":{\"querySet\":" + ((start == 0) ? 0 : 1)
				+ ",\"identity\":0,\"ts\":\"" + SyncTimestamps.encode(start) + "\"},\"endVersion\":{\"querySet\":1,"
				+ "\"identity\":0,\"ts\":\"" + SyncTimestamps.encode(this.ts) + "\"},\"modifications\":[{\"type\":"
				+ "\"QueryUpdated\",\"queryId\":0,\"value\":{\"$integer\":\"" + SyncTimestamps.encode(this.ts)
				+ "\"},\"logLines\":[],\"journal\":null}],\"clientClockSkew\":0,\"serverTs\":0}";
	}

	/**
	 * Decodes a Transition frame, applies it, and hands the new value to every subscriber,
	 * as the socket's worker does.
	 * @param frame the frame
	 * @return the values delivered so far, over all subscribers
	 */
	public long apply(String frame) {
		ServerMessage.Transition transition = (ServerMessage.Transition) this.reader.read(frame);
		for (QueryEntry entry : this.session.apply(transition).changed()) {
			for (Subscriber subscriber : entry.subscribers) {
				subscriber.deliver(entry, this.codec);
			}
		}
		return this.delivered.get();
	}

}
