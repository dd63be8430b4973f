package io.convexspring.sample.docs.context;

import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexTransport;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveServerSentEvents;
import io.convexspring.test.ConvexStub;

/**
 * The class a docs fragment ({@code <!-- java: members -->} or {@code statements}) is
 * compiled in: what an app would have injected. Fragments are compiled, never run.
 */
public abstract class SnippetContext {

	/** A deployment URL. */
	protected final String url = "https://happy-otter-123.convex.cloud";

	/** The app's JSON mapper. */
	protected final JsonMapper jsonMapper = JsonMapper.builder().build();

	/** The transport the clients share. */
	protected final ConvexTransport transport = ConvexTransport.builder(this.url).build();

	/** The action client bean. */
	protected final ConvexActionClient actions = new ConvexActionClient(this.transport);

	/** The mutation client bean. */
	protected final ConvexMutationClient mutations = new ConvexMutationClient(this.transport);

	/** The query client bean. */
	protected final ConvexQueryClient queries = new ConvexQueryClient(this.transport);

	/** The live-query client bean. */
	protected final ConvexLiveClient live = ConvexLiveClient.builder(this.transport).build();

	/** The server-sent events helper bean. */
	protected final ConvexLiveServerSentEvents sse = new ConvexLiveServerSentEvents(Duration.ofSeconds(3));

	/** The codec bean. */
	protected final ConvexCodec codec = this.transport.codec();

	/** The stub an {@code @AutoConfigureConvexStub} test injects (started only if this class is instantiated). */
	protected final ConvexStub convex = ConvexStub.start();

}
