package io.convexspring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport's HTTP connectors and WebClients are built by the first call that needs them,
 * once, not when the transport is built; a build that fails fails that call as one whose
 * function did not run, and the next call builds again.
 */
class LazyHttpClientTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final AtomicInteger functionConnectors = new AtomicInteger();

	private final AtomicInteger actionConnectors = new AtomicInteger();

	private final AtomicInteger webClients = new AtomicInteger();

	@BeforeEach
	void answer() {
		convex.stubFor(post("/api/query").willReturn(okJson(Wire.success("2"))));
		convex.stubFor(post("/api/mutation").willReturn(okJson(Wire.success("3"))));
		convex.stubFor(post("/api/action").willReturn(okJson(Wire.success("4"))));
	}

	private Supplier<ClientHttpConnector> counting(AtomicInteger builds) {
		return () -> {
			builds.incrementAndGet();
			return new JdkClientHttpConnector();
		};
	}

	private ConvexTransport.Builder transport() {
		return ConvexTransport.builder(convex.baseUrl())
			.connectors(ConvexHttpConnectors.lazy(counting(this.functionConnectors), counting(this.actionConnectors)))
			// runs as a WebClient is built: the codecs are configured by build()
			.customizeWebClient((builder) -> builder.codecs((codecs) -> this.webClients.incrementAndGet()));
	}

	private static Double query(ConvexTransport transport) {
		return new ConvexQueryClient(transport).executeBlocking("orders:count", null, Double.class);
	}

	@Test
	void nothingIsBuiltUntilTheFirstCallAndEachKindsClientOnceAfter() {
		ConvexTransport transport = transport().build();
		assertThat(this.functionConnectors).hasValue(0);
		assertThat(this.actionConnectors).hasValue(0);
		assertThat(this.webClients).hasValue(0);

		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(new ConvexMutationClient(transport).executeBlocking("orders:place", null, Double.class))
			.isEqualTo(3.0);
		// queries and mutations share one connector and one WebClient; actions have their own
		assertThat(this.functionConnectors).hasValue(1);
		assertThat(this.actionConnectors).hasValue(0);
		assertThat(this.webClients).hasValue(1);

		assertThat(new ConvexActionClient(transport).executeBlocking("emails:send", null, Double.class))
			.isEqualTo(4.0);
		assertThat(new ConvexActionClient(transport).executeBlocking("emails:send", null, Double.class))
			.isEqualTo(4.0);
		assertThat(this.functionConnectors).hasValue(1);
		assertThat(this.actionConnectors).hasValue(1);
		assertThat(this.webClients).hasValue(2);
		transport.close();
	}

	@Test
	void applicationsWebClientBuilderIsAskedForByTheFirstCallOnce() {
		AtomicInteger asked = new AtomicInteger();
		ConvexTransport transport = transport().webClientBuilder(() -> {
			asked.incrementAndGet();
			return WebClient.builder().defaultHeader("X-Application", "orders");
		}).build();
		assertThat(asked).hasValue(0);
		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(new ConvexActionClient(transport).executeBlocking("emails:send", null, Double.class))
			.isEqualTo(4.0);
		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(asked).hasValue(1);
		// each kind's WebClient starts from a clone of it, with its headers
		convex.verify(2, postRequestedFor(
				urlEqualTo("/api/query"))
			.withHeader("X-Application", equalTo("orders")));
		convex.verify(1, postRequestedFor(
				urlEqualTo("/api/action"))
			.withHeader("X-Application", equalTo("orders")));
	}

	@Test
	void connectorThatCannotBeBuiltFailsTheCallAsNotRunAndIsBuiltAgainByTheNext() {
		AtomicInteger attempts = new AtomicInteger();
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl())
			.retryPolicy(ConvexRetryPolicy.none())
			.connectors(ConvexHttpConnectors.lazy(() -> {
				if (attempts.incrementAndGet() == 1) {
					throw new IllegalStateException("no SSL provider");
				}
				return new JdkClientHttpConnector();
			}))
			.build();
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> query(transport))
			.withMessageContaining("could not build the HTTP client for " + convex.baseUrl())
			.withMessageContaining("IllegalStateException: no SSL provider")
			.satisfies((ex) -> {
				assertThat(ex.functionDidNotRun()).isTrue();
				assertThat(ex.functionPath()).isEqualTo("orders:count");
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.QUERY);
			});
		assertThat(convex.getAllServeEvents()).isEmpty();
		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(query(transport)).isEqualTo(2.0);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void connectorThatCannotBeBuiltIsRetriedByTheDefaultPolicy() {
		AtomicInteger attempts = new AtomicInteger();
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl())
			.connectors(ConvexHttpConnectors.lazy(() -> {
				if (attempts.incrementAndGet() == 1) {
					throw new NoClassDefFoundError("io/netty/handler/ssl/SslContext");
				}
				return new JdkClientHttpConnector();
			}))
			.build();
		// the function did not run, so even a mutation may be sent again
		assertThat(new ConvexMutationClient(transport).executeBlocking("orders:place", null, Double.class))
			.isEqualTo(3.0);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void webClientThatCannotBeBuiltFailsTheCallAsNotRunAndIsBuiltAgainByTheNext() {
		AtomicInteger attempts = new AtomicInteger();
		ConvexTransport transport = transport().retryPolicy(ConvexRetryPolicy.none()).customizeWebClient((builder) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalArgumentException("bad filter");
			}
		}).build();
		assertThatExceptionOfType(ConvexTransportException.class)
			.isThrownBy(() -> new ConvexActionClient(transport).executeBlocking("emails:send", null, Double.class))
			.withMessageContaining("could not build the HTTP client")
			.withMessageContaining("bad filter")
			.satisfies((ex) -> {
				assertThat(ex.functionDidNotRun()).isTrue();
				assertThat(ex.functionPath()).isEqualTo("emails:send");
			});
		assertThat(this.actionConnectors).hasValue(0);
		assertThat(new ConvexActionClient(transport).executeBlocking("emails:send", null, Double.class))
			.isEqualTo(4.0);
		assertThat(attempts).hasValue(2);
		assertThat(this.actionConnectors).hasValue(1);
	}

	@Test
	void concurrentFirstCallsBuildEachClientOnce() throws Exception {
		AtomicInteger slowBuilds = new AtomicInteger();
		ConvexTransport transport = ConvexTransport.builder(convex.baseUrl())
			.connectors(ConvexHttpConnectors.lazy(() -> {
				slowBuilds.incrementAndGet();
				try {
					// a slow build: the other first calls arrive while it runs
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new JdkClientHttpConnector();
			}))
			.customizeWebClient((builder) -> builder.codecs((codecs) -> this.webClients.incrementAndGet()))
			.build();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(callers);
		try {
			List<CompletableFuture<Double>> calls = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				calls.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
					return query(transport);
				}, threads));
			}
			start.countDown();
			for (CompletableFuture<Double> call : calls) {
				assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(2.0);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(slowBuilds).hasValue(1);
		assertThat(this.webClients).hasValue(1);
	}

	@Test
	void closingBeforeTheFirstCallBuildsNothingAndLaterCallsFailAsNotRun() {
		ConvexTransport transport = transport().build();
		transport.close();
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> query(transport))
			.withMessageContaining("is closed")
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());
		assertThat(this.functionConnectors).hasValue(0);
		assertThat(this.webClients).hasValue(0);
	}

	@Test
	void ownPoolsCloseBeforeAndAfterTheFirstCall() {
		ConvexTransport unused = ConvexTransport.builder(convex.baseUrl()).build();
		unused.close();
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> query(unused))
			.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isTrue());

		ConvexTransport used = ConvexTransport.builder(convex.baseUrl()).build();
		assertThat(query(used)).isEqualTo(2.0);
		used.close();
		assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(() -> query(used))
			.withMessageContaining("is closed");
	}

}
