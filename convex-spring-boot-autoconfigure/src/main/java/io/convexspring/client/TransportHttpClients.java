package io.convexspring.client;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The {@link ConvexTransport}'s WebClients, one for queries and mutations and one for actions,
 * each built by the first call of its kinds, once: start-up does not pay for an HTTP client (its
 * connector, its SSL context, the application's builder) no call needs yet. Unless given
 * connectors, it sends through Reactor Netty on {@link ConvexConnectionPools} of its own, which
 * {@link #close()} disposes.
 */
final class TransportHttpClients {

	private final Map<FunctionKind, Lazy<WebClient>> webClients = new EnumMap<>(FunctionKind.class);

	private final @Nullable ConvexConnectionPools ownPools;

	/**
	 * Prepares the WebClients; builds nothing.
	 * @param connectors the connectors to send through, or {@code null} for Reactor Netty on
	 * pools of its own
	 * @param pool the settings of the pools of its own
	 * @param connectTimeout the connect timeout of the connectors of its own
	 * @param application the application's WebClient builder as it is now, or {@code null}
	 * @param askedApplication where to get the application's builder on the first call instead, or
	 * {@code null}
	 * @param registry the transport's registry, which a WebClient of its own observes in
	 * @param httpClientObservations whether the WebClient observes Convex calls itself
	 * @param nestHttpObservations whether those observations nest under the execution's
	 * @param customizer the last adjustment of each WebClient builder
	 */
	TransportHttpClients(@Nullable ConvexHttpConnectors connectors, ConvexPoolSettings pool, Duration connectTimeout,
			WebClient.@Nullable Builder application, @Nullable Supplier<WebClient.@Nullable Builder> askedApplication,
			ObservationRegistry registry, boolean httpClientObservations, boolean nestHttpObservations,
			Consumer<WebClient.Builder> customizer) {
		ConvexHttpConnectors using = connectors;
		if (using == null) {
			// neither the pools nor the connectors are made until a call goes through them
			ConvexConnectionPools pools = ConvexConnectionPools.create(pool);
			this.ownPools = pools;
			using = ConvexHttpConnectors.lazy(() -> connector(pools, FunctionKind.QUERY, connectTimeout),
					() -> connector(pools, FunctionKind.ACTION, connectTimeout));
		}
		else {
			this.ownPools = null;
		}
		// an instance as the application left it now; a supplier asked once, by the first call
		WebClient.@Nullable Builder given = (application != null) ? application.clone() : null;
		Lazy<Optional<WebClient.Builder>> applicationBuilder = new Lazy<>(
				() -> Optional.ofNullable((askedApplication != null) ? askedApplication.get() : given));
		ConvexHttpConnectors sendingThrough = using;
		for (FunctionKind kind : new FunctionKind[] { FunctionKind.QUERY, FunctionKind.ACTION }) {
			this.webClients.put(kind,
					new Lazy<>(() -> webClient(applicationBuilder.get().orElse(null), sendingThrough.forKind(kind),
							registry, httpClientObservations, nestHttpObservations, customizer)));
		}
		// queries and mutations share a connector, so they share a WebClient
		this.webClients.put(FunctionKind.MUTATION, this.webClients.get(FunctionKind.QUERY));
	}

	/**
	 * Returns the WebClient for a kind, building it if no call has yet.
	 * @throws RuntimeException or {@link LinkageError} as building it fails; the next call tries
	 * again
	 */
	WebClient webClient(FunctionKind kind) {
		return this.webClients.get(kind).get();
	}

	/** Disposes the pools made for this transport, if any call made them. */
	void close() {
		if (this.ownPools != null) {
			this.ownPools.close();
		}
	}

	/** Builds a WebClient as the transport's builder says. */
	private static WebClient webClient(WebClient.@Nullable Builder application, ClientHttpConnector connector,
			ObservationRegistry registry, boolean httpClientObservations, boolean nestHttpObservations,
			Consumer<WebClient.Builder> customizer) {
		WebClient.Builder webClientBuilder = ((application != null) ? application.clone() : WebClient.builder())
			.clientConnector(connector);
		if (!httpClientObservations) {
			// the execution's observation times the exchange already: no second one per call
			webClientBuilder.observationRegistry(ObservationRegistry.NOOP);
		}
		else if (application == null && nestHttpObservations) {
			// an application's builder brings its own registry; this one observes where the calls do
			webClientBuilder.observationRegistry(registry);
		}
		customizer.accept(webClientBuilder);
		// after every filter of the application's and the customizers': ours runs last
		webClientBuilder.filter(AuthorizationFilter.INSTANCE);
		return webClientBuilder.build();
	}

	private static ClientHttpConnector connector(ConvexConnectionPools pools, FunctionKind kind,
			Duration connectTimeout) {
		HttpClient httpClient = HttpClient.create(pools.forKind(kind))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
		return new ReactorClientHttpConnector(ConvexReactorNetty.customize(httpClient));
	}

}
