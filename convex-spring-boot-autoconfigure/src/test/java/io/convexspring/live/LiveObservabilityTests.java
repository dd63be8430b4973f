package io.convexspring.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.convexspring.client.ConvexTransport;
import io.convexspring.live.LiveFixtures.Channel;
import io.convexspring.live.LiveFixtures.Message;
import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexOutcome;

import static io.convexspring.live.LiveFixtures.LIST;
import static io.convexspring.live.LiveFixtures.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the live client shows of itself: an observation per mutation and action, meters for
 * sockets, subscriptions, transitions and reconnects, and a summary for health checks.
 */
class LiveObservabilityTests {

	private final SyncTestServer server = SyncTestServer.start();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ConvexLiveClient live = ConvexLiveClient
		.builder(ConvexTransport.builder(this.server.url()).observationRegistry(this.observations).build())
		.backoff(Duration.ofMillis(50), Duration.ofMillis(400))
		.build();

	@AfterEach
	void close() {
		this.live.close();
		this.server.close();
	}

	@Test
	void aMutationOverTheSocketIsObservedAsAnExecution() throws Exception {
		CompletableFuture<String> sent = this.live.mutation(SEND, new Message("general", "hi")).toFuture();
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.next("Mutation");
		socket.send(Frames.mutationSuccess(0, "\"msg_1\"", 100));
		socket.transition(100);
		assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo("msg_1");
		await().atMost(SyncTestServer.WAIT)
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.observations)
				.hasObservationWithNameEqualTo("convex.mutation")
				.that()
				.hasBeenStopped());
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("convex.mutation")
			.that()
			.hasLowCardinalityKeyValue("function", "messages:send")
			.hasLowCardinalityKeyValue("outcome", "success")
			.satisfies((context) -> {
				ConvexObservationContext convex = (ConvexObservationContext) context;
				assertThat(convex.getLogLines()).containsExactly("[LOG] 'wrote'");
				assertThat(convex.getResult()).isEqualTo("msg_1");
				assertThat(convex.getOutcome()).isEqualTo(ConvexOutcome.SUCCESS);
			});
	}

	@Test
	void metersCountSocketsSubscriptionsTransitionsAndReconnects() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		new ConvexLiveMeterBinder(this.live).bindTo(meters);
		Collected<List<String>> messages = Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		socket.next("ModifyQuerySet");
		socket.transition(100, Frames.updated(0, "[]"));
		messages.next();
		assertThat(meters.get("convex.live.sockets").gauge().value()).isEqualTo(1);
		assertThat(meters.get("convex.live.subscriptions").gauge().value()).isEqualTo(1);
		assertThat(meters.get("convex.live.transitions").functionCounter().count()).isEqualTo(1);
		socket.drop();
		this.server.accept().next("Connect");
		assertThat(meters.get("convex.live.reconnects").functionCounter().count()).isGreaterThanOrEqualTo(1);
		messages.cancel();
		await().atMost(SyncTestServer.WAIT)
			.untilAsserted(() -> assertThat(meters.get("convex.live.subscriptions").gauge().value()).isZero());
	}

	@Test
	void theSummaryShowsTheStateWithoutIdentities() {
		assertThat(this.live.summary()).containsEntry("state", "CLOSED").containsEntry("subscriptions", 0);
		Collected.of(this.live.subscribe(LIST, new Channel("general")));
		ScriptedSocket socket = this.server.accept();
		socket.next("Connect");
		await().atMost(SyncTestServer.WAIT).until(() -> "CONNECTED".equals(this.live.summary().get("state")));
		assertThat(this.live.summary()).containsEntry("sockets", Map.of("CONNECTED", 1))
			.containsEntry("subscriptions", 1);
	}

}
