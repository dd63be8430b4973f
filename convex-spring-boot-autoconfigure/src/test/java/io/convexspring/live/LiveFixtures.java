package io.convexspring.live;

import java.time.Duration;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.ConvexTransport;

/**
 * The function references and the client set-up the live-query tests share.
 */
final class LiveFixtures {

	record Channel(String name) {
	}

	record Message(String channel, String body) {
	}

	static final ConvexQuery<Channel, List<String>> LIST = ConvexQuery.of("messages:list", Channel.class,
			new ParameterizedTypeReference<List<String>>() {
			});

	static final ConvexQuery<Void, Long> COUNT = ConvexQuery.of("messages:count", Void.class, Long.class);

	static final ConvexMutation<Message, String> SEND = ConvexMutation.of("messages:send", Message.class, String.class);

	static final ConvexAction<Message, String> TRANSLATE = ConvexAction.of("messages:translate", Message.class,
			String.class);

	private LiveFixtures() {
	}

	/** A client with short delays, for the tests' script to run quickly. */
	static ConvexLiveClient.Builder client(SyncTestServer server) {
		return ConvexLiveClient.builder(ConvexTransport.builder(server.url()).build())
			.backoff(Duration.ofMillis(50), Duration.ofMillis(400))
			.idleTimeout(Duration.ofSeconds(30));
	}

}
