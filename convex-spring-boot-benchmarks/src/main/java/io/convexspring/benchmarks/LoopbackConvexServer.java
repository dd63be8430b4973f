package io.convexspring.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A Reactor Netty server on 127.0.0.1 and a free port that answers every
 * {@code POST /api/action} with the same bytes, on an event loop of its own so that it does
 * not share the clients' threads. It can keep the request bodies it receives, for tests.
 */
final class LoopbackConvexServer implements AutoCloseable {

	/** How the server's event-loop threads are named. */
	static final String THREAD_PREFIX = "convex-bench-server";

	private final byte[] answer;

	private final Duration delay;

	private final LoopResources loops;

	private final DisposableServer server;

	private final List<byte[]> received = new CopyOnWriteArrayList<>();

	private volatile boolean recording;

	private LoopbackConvexServer(byte[] answer, Duration delay) {
		this.answer = answer;
		this.delay = delay;
		this.loops = LoopResources.create(THREAD_PREFIX, 1, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.post("/api/action", this::answer))
			.bindNow();
	}

	/**
	 * Starts a server.
	 * @param answer the response body of every call, sent as {@code application/json}
	 * @return the running server
	 */
	static LoopbackConvexServer start(byte[] answer) {
		return new LoopbackConvexServer(answer, Duration.ZERO);
	}

	/**
	 * Starts a server that answers each call after a delay, as a function that runs that long
	 * would: calls pile up in flight.
	 * @param answer the response body of every call
	 * @param delay how long each call waits for its answer
	 * @return the running server
	 */
	static LoopbackConvexServer start(byte[] answer, Duration delay) {
		return new LoopbackConvexServer(answer, delay);
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		Mono<Void> consumed = this.recording
				? request.receive().aggregate().asByteArray().doOnNext(this.received::add).then()
				: request.receive().then();
		if (!this.delay.isZero()) {
			consumed = consumed.then(Mono.delay(this.delay).then());
		}
		return consumed.then(Mono.defer(() -> response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(this.answer.length))
			.sendByteArray(Mono.just(this.answer))
			.then()));
	}

	/**
	 * Returns the deployment URL to give a client, e.g. {@code http://127.0.0.1:40123}.
	 * @return the URL
	 */
	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Returns where actions are posted.
	 * @return the action endpoint
	 */
	URI actionEndpoint() {
		return URI.create(url() + "/api/action");
	}

	/**
	 * Starts or stops keeping the request bodies; off while benchmarking.
	 * @param recording whether to keep them
	 */
	void recording(boolean recording) {
		this.recording = recording;
	}

	/**
	 * Returns the request bodies kept so far.
	 * @return the bodies, oldest first
	 */
	List<byte[]> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		// no quiet period: nothing is in flight once the benchmark is done
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
	}

}
