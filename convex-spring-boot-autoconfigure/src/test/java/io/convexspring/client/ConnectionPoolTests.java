package io.convexspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport's own connection pools, against a loopback server that answers after a
 * delay: the defaults hold 10,000 calls in flight, a call the pool refuses says it never ran,
 * and actions have a pool of their own.
 */
class ConnectionPoolTests {

	private static final ConvexAction<Void, Double> SLOW = ConvexAction.of("reports:build", Void.class, Double.class);

	private static final ConvexQuery<Void, Double> COUNT = ConvexQuery.of("orders:count", Void.class, Double.class);

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger connectionsClosed = new AtomicInteger();

	private DisposableServer server;

	private ConvexTransport transport;

	/** Answers actions after the delay, queries at once. */
	private String serve(Duration actionDelay) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection((connection) -> connection.onDispose(this.connectionsClosed::incrementAndGet))
			.route((routes) -> routes
				.post("/api/action", (request, response) -> request.receive().then().then(Mono.defer(() -> {
					this.received.incrementAndGet();
					return Mono.delay(actionDelay);
				})).then(response.header("Content-Type", "application/json").sendString(Mono.just(Wire.success("1"))).then()))
				.post("/api/query", (request, response) -> request.receive()
					.then()
					.then(response.header("Content-Type", "application/json").sendString(Mono.just(Wire.success("2"))).then())))
			.bindNow();
		return "http://127.0.0.1:" + this.server.port();
	}

	@AfterEach
	void stop() {
		if (this.transport != null) {
			this.transport.close();
		}
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void defaultPoolHoldsTenThousandCallsInFlight() {
		this.transport = ConvexTransport.builder(serve(Duration.ofSeconds(1))).build();
		ConvexActionClient client = new ConvexActionClient(this.transport);
		List<Double> results = Flux.range(0, 10_000)
			.flatMap((i) -> client.execute(SLOW), 10_000)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(results).hasSize(10_000).containsOnly(1.0);
	}

	@Test
	void callThePoolRefusesSaysItNeverRan() {
		this.transport = ConvexTransport.builder(serve(Duration.ofSeconds(3)))
			.pool(new ConvexPoolSettings(1, 1, 1, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5),
					null))
			.build();
		ConvexActionClient client = new ConvexActionClient(this.transport);
		// one call holds the only connection, one waits: the third finds the queue full
		client.execute(SLOW).subscribe((r) -> { }, (e) -> { });
		awaitReceived(1);
		client.execute(SLOW).subscribe((r) -> { }, (e) -> { });
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(SLOW))
			.withMessageContaining("no connection to")
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());
	}

	@Test
	void callThatWaitsTooLongForAConnectionSaysItNeverRan() {
		this.transport = ConvexTransport.builder(serve(Duration.ofSeconds(5)))
			.pool(new ConvexPoolSettings(1, 1, 10, Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofMinutes(5),
					null))
			.build();
		ConvexActionClient client = new ConvexActionClient(this.transport);
		client.execute(SLOW).subscribe((r) -> { }, (e) -> { });
		awaitReceived(1);
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(SLOW))
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());
	}

	@Test
	void actionsHoldingEveryActionConnectionDoNotHoldUpQueries() {
		this.transport = ConvexTransport.builder(serve(Duration.ofSeconds(10)))
			.pool(new ConvexPoolSettings(1, 1, 10, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5),
					null))
			.build();
		ConvexActionClient actions = new ConvexActionClient(this.transport);
		for (int i = 0; i < 3; i++) {
			actions.execute(SLOW).subscribe((r) -> { }, (e) -> { });
		}
		awaitReceived(1);
		long start = System.nanoTime();
		assertThat(new ConvexQueryClient(this.transport).executeBlocking(COUNT)).isEqualTo(2.0);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void closingTheTransportDisposesItsPools() {
		this.transport = ConvexTransport.builder(serve(Duration.ZERO)).build();
		ConvexQueryClient client = new ConvexQueryClient(this.transport);
		assertThat(client.executeBlocking(COUNT)).isEqualTo(2.0);
		assertThat(this.connectionsClosed).hasValue(0);
		this.transport.close();
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.connectionsClosed.get() < 1) {
			assertThat(System.nanoTime()).as("the pooled connection closes").isLessThan(until);
			Thread.onSpinWait();
		}
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> client.executeBlocking(COUNT))
			.withMessageContaining("is closed")
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());
	}

	private void awaitReceived(int count) {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.received.get() < count) {
			assertThat(System.nanoTime()).as("the server received %d calls", count).isLessThan(until);
			Thread.onSpinWait();
		}
	}

}
