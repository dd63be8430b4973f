package io.convexspring.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexConnectionPools;
import io.convexspring.client.ConvexHttpConnectors;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConvexHttpClientConfiguration}: the connectors come from Boot's own
 * {@code ClientHttpConnectorBuilder} and {@code spring.http.clients.*}, overlaid with
 * {@code convex.*}, on the starter's pools, unless the application declares its own.
 */
class ConvexHttpClientConfigurationTests {

	private static final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				ConvexAutoConfiguration.class))
		.withPropertyValues("convex.url=" + server.baseUrl());

	@BeforeAll
	static void startServer() {
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void redirectQueries() {
		server.resetAll();
		// a proxy moving the API: a 307 keeps the method and the body
		server.stubFor(post(urlEqualTo("/api/query"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", server.baseUrl() + "/moved/api/query")));
		server.stubFor(post(urlEqualTo("/moved/api/query")).willReturn(okJson("{\"status\":\"success\",\"value\":2}")));
	}

	@Test
	void reactorConnectorsTakeConnectionsFromTheStartersPoolsAndFollowBootsRedirects() {
		this.contextRunner.run((context) -> {
			ConvexHttpConnectors connectors = context.getBean(ConvexHttpConnectors.class);
			assertThat(connectors.actions()).isNotSameAs(connectors.functions());
			assertThat(context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class))
				.isEqualTo(2.0);
			// Reactor Netty counts a provider without an open pool as disposed: the call opened one
			assertThat(context.getBean(ConvexConnectionPools.class).forKind(FunctionKind.QUERY).isDisposed())
				.isFalse();
		});
	}

	@Test
	void springHttpClientsRedirectsReachConvexCalls() {
		this.contextRunner.withPropertyValues("spring.http.clients.redirects=dont-follow").run((context) -> {
			assertThatExceptionOfType(ConvexHttpException.class)
				.isThrownBy(() -> context.getBean(ConvexQueryClient.class)
					.executeBlocking("orders:count", null, Double.class))
				.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(307));
		});
	}

	@Test
	void reactiveConnectorChoiceIsBoots() {
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
			ConvexHttpConnectors connectors = context.getBean(ConvexHttpConnectors.class);
			assertThat(connectors.functions()).isSameAs(connectors.actions());
			assertThat(context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class))
				.isEqualTo(2.0);
			// the JDK's client pools on its own: no Reactor Netty pool of the starter's was opened
			assertThat(context.getBean(ConvexConnectionPools.class).forKind(FunctionKind.QUERY).isDisposed())
				.isTrue();
		});
	}

	@Test
	void connectorsAndWebClientsAreBuiltByTheFirstCallOfTheirKindsOnce() {
		AtomicInteger connectors = new AtomicInteger();
		AtomicInteger webClients = new AtomicInteger();
		this.contextRunner
			.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer((httpClient) -> {
					connectors.incrementAndGet();
					return httpClient;
				}))
			.withBean(ConvexWebClientCustomizer.class, () -> (builder) -> webClients.incrementAndGet())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(connectors).hasValue(0);
				assertThat(webClients).hasValue(0);
				// nor was Boot's own connector built, which the application's WebClient.Builder brings
				assertThat(context.getBeanFactory().containsSingleton("clientHttpConnector")).isFalse();
				ConvexQueryClient queries = context.getBean(ConvexQueryClient.class);
				assertThat(queries.executeBlocking("orders:count", null, Double.class)).isEqualTo(2.0);
				assertThat(queries.executeBlocking("orders:count", null, Double.class)).isEqualTo(2.0);
				// the starter's for queries, and Boot's own, which its WebClient.Builder comes with
				// (asked for by the first call) and the transport replaces
				assertThat(connectors).hasValue(2);
				assertThat(webClients).hasValue(1);
				server.stubFor(post(urlEqualTo("/api/action")).willReturn(okJson("{\"status\":\"success\",\"value\":4}")));
				ConvexActionClient actions = context.getBean(ConvexActionClient.class);
				assertThat(actions.executeBlocking("emails:send", null, Double.class)).isEqualTo(4.0);
				assertThat(actions.executeBlocking("emails:send", null, Double.class)).isEqualTo(4.0);
				assertThat(connectors).hasValue(3);
				assertThat(webClients).hasValue(2);
			});
	}

	@Test
	void connectorThatCannotBeBuiltFailsTheCallNotTheStartUp() {
		this.contextRunner.withPropertyValues("convex.retry.max-attempts=1")
			.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer((httpClient) -> {
					throw new IllegalStateException("no event loop for this test");
				}))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThatExceptionOfType(ConvexTransportException.class)
					.isThrownBy(() -> context.getBean(ConvexQueryClient.class)
						.executeBlocking("orders:count", null, Double.class))
					.withMessageContaining("could not build the HTTP client")
					.satisfies((ex) -> {
						assertThat(ex.functionDidNotRun()).isTrue();
						assertThat(ex.functionPath()).isEqualTo("orders:count");
					});
			});
	}

	@Test
	void convexSslBundleIsLookedUp() {
		this.contextRunner.withPropertyValues("convex.ssl.bundle=convex-ca").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(NoSuchSslBundleException.class)
				.rootCause()
				.hasMessageContaining("convex-ca");
		});
	}

	@Test
	void applicationsConnectorsReplaceTheStartersAndNoPoolIsMade() {
		this.contextRunner
			.withBean(ConvexHttpConnectors.class, () -> ConvexHttpConnectors.of(new JdkClientHttpConnector()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ConvexConnectionPools.class);
				// the JDK connector does not follow redirects by itself
				server.stubFor(post(urlEqualTo("/api/query")).willReturn(okJson("{\"status\":\"success\",\"value\":2}")));
				assertThat(context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class))
					.isEqualTo(2.0);
			});
	}

	@Test
	void poolsAreDisposedWithTheContext() {
		ConvexConnectionPools[] pools = new ConvexConnectionPools[1];
		this.contextRunner.withPropertyValues("convex.http.max-connections=7").run((context) -> {
			pools[0] = context.getBean(ConvexConnectionPools.class);
			assertThat(pools[0].forKind(FunctionKind.QUERY).maxConnections()).isEqualTo(7);
			context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class);
			// Reactor Netty counts a provider without an open pool as disposed: one is open now
			assertThat(pools[0].forKind(FunctionKind.QUERY).isDisposed()).isFalse();
		});
		assertThat(pools[0].forKind(FunctionKind.QUERY).isDisposed()).isTrue();
		assertThat(pools[0].forKind(FunctionKind.ACTION).isDisposed()).isTrue();
	}

}
