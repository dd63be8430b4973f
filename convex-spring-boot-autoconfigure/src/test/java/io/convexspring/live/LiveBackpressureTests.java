package io.convexspring.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import static io.convexspring.live.LiveFixtures.COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber that does not keep up: it holds up neither the socket nor other subscribers,
 * holds at most a couple of values, and gets the latest one when it asks again.
 */
class LiveBackpressureTests {

	private static final int TRANSITIONS = 500;

	private final SyncTestServer server = SyncTestServer.start();

	private final ConvexLiveClient live = LiveFixtures.client(this.server).build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void aSlowSubscriberGetsTheLatestValueAndHoldsUpNobody() {
		List<Long> slowValues = new CopyOnWriteArrayList<>();
		BaseSubscriber<Long> slow = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				request(1);
			}

			@Override
			protected void hookOnNext(Long value) {
				slowValues.add(value);
			}

		};
		this.live.subscribe(COUNT, null).subscribe(slow);
		Collected<Long> fast = Collected.of(this.live.subscribe(COUNT, null));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		for (int i = 1; i <= TRANSITIONS; i++) {
			socket.transition(i * 10L, Frames.updated(0, Frames.int64(i)));
		}
		long last = 0;
		while (last != TRANSITIONS) {
			long value = fast.next();
			assertThat(value).as("values only go forward").isGreaterThan(last);
			last = value;
		}
		await().atMost(SyncTestServer.WAIT).until(() -> slowValues.size() == 1);
		slow.request(Long.MAX_VALUE);
		await().atMost(SyncTestServer.WAIT).until(() -> slowValues.get(slowValues.size() - 1) == TRANSITIONS);
		assertThat(slowValues).as("the slow subscriber skipped what it had no demand for").hasSizeLessThanOrEqualTo(3);
		slow.dispose();
	}

}
