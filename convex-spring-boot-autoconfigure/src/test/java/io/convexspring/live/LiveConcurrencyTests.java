package io.convexspring.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.JsonNode;

import io.convexspring.live.LiveFixtures.Channel;

import static io.convexspring.live.LiveFixtures.LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many threads subscribing and leaving at once: every change of the query set still goes out
 * in one version chain (the scripted socket checks each base version), every query added is
 * removed once its last subscriber left, and no subscriber is left counted.
 */
class LiveConcurrencyTests {

	private final SyncTestServer server = SyncTestServer.start();

	private final ConvexLiveClient live = LiveFixtures.client(this.server).build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void concurrentSubscribersKeepTheQuerySetConsistent() throws Exception {
		Disposable keepOpen = this.live.subscribe(LIST, new Channel("keep")).subscribe();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				work.add(threads.submit(() -> {
					for (int i = 0; i < 50; i++) {
						Disposable subscription = this.live.subscribe(LIST, new Channel("c" + ((thread + i) % 3)))
							.subscribe();
						subscription.dispose();
					}
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			threads.shutdown();
		}
		await().atMost(SyncTestServer.WAIT).until(() -> this.live.summary().get("subscriptions").equals(1));
		// each frame read is checked: its base version, no id added twice, none removed unadded
		while (!socket.silentFor(Duration.ofMillis(500))) {
			assertThat(socket.querySet()).contains(0);
		}
		assertThat(socket.querySet()).containsExactly(0);
		keepOpen.dispose();
		JsonNode remove = socket.next("ModifyQuerySet");
		assertThat(remove.get("modifications").toString()).isEqualTo("[{\"type\":\"Remove\",\"queryId\":0}]");
		assertThat(socket.querySet()).isEmpty();
		await().atMost(SyncTestServer.WAIT).until(() -> this.live.summary().get("subscriptions").equals(0));
	}

	@Test
	void aSubscriberThatCancelsAsItSubscribesLeavesNoQueryBehind() {
		this.live.subscribe(LIST, new Channel("gone")).subscribe(new BaseSubscriber<List<String>>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// cancelled before the Flux's source has even run
				cancel();
			}

		});
		this.live.snapshot(LiveQuery.of(LIST, new Channel("snapshot"))).subscribe(new BaseSubscriber<ConvexLiveSnapshot>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				cancel();
			}

		});
		Collected<List<String>> kept = Collected.of(this.live.subscribe(LIST, new Channel("kept")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		JsonNode querySet = socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(querySet.at("/modifications/0/queryId").asInt(), "[\"k\"]"));
		assertThat(kept.next()).containsExactly("k");
		assertThat(querySet.get("modifications")).as(querySet.toString()).hasSize(1);
		assertThat(querySet.at("/modifications/0/args/0/name").asString()).isEqualTo("kept");
		assertThat(this.live.summary().get("subscriptions")).isEqualTo(1);
	}

}
