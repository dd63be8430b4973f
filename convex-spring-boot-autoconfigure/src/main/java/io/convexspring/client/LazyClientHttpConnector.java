package io.convexspring.client;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import reactor.core.publisher.Mono;

/**
 * A connector built by the first request that goes through it, once, so that an application
 * does not pay at start-up for an HTTP client (its SSL context, its event loops' classes) no
 * call may need yet. A build that fails fails that request with a
 * {@link ConnectorBuildException} and is tried again by the next; afterwards each request
 * costs one volatile read.
 */
final class LazyClientHttpConnector implements ClientHttpConnector {

	private final Lazy<ClientHttpConnector> connector;

	LazyClientHttpConnector(Supplier<? extends ClientHttpConnector> factory) {
		this.connector = new Lazy<>(factory);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		ClientHttpConnector built;
		try {
			built = this.connector.get();
		}
		catch (RuntimeException | LinkageError ex) {
			// a missing class (an optional SSL or transport library) is a LinkageError
			return Mono.error(new ConnectorBuildException(ex));
		}
		return built.connect(method, uri, requestCallback);
	}

	@Override
	public String toString() {
		ClientHttpConnector built = this.connector.ifMade();
		return "LazyClientHttpConnector[" + ((built != null) ? built : "not built yet") + "]";
	}

}
