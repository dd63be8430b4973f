package io.convexspring.state;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexTransport;

/**
 * A deployment whose every response the test sends when it chooses, in place of the HTTP
 * connector: each request waits as an {@link Exchange} until answered, so overlapping
 * executions finish in exactly the order a test needs.
 */
final class ControlledBackend implements ExchangeFunction {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final BlockingQueue<Exchange> arrived = new LinkedBlockingQueue<>();

	private final AtomicInteger requests = new AtomicInteger();

	ConvexActionClient client(ArgumentValidator validator) {
		return client(validator, ConvexActionClient.DEFAULT_PREVIEW_SIZE);
	}

	ConvexActionClient client(ArgumentValidator validator, int previewSize) {
		ConvexTransport transport = ConvexTransport.builder("http://localhost")
			.customizeWebClient((builder) -> builder.exchangeFunction(this))
			.build();
		return new ConvexActionClient(transport, validator, previewSize);
	}

	ConvexActionClient client() {
		return client(ArgumentValidator.none());
	}

	@Override
	public Mono<ClientResponse> exchange(ClientRequest request) {
		MockClientHttpRequest captured = new MockClientHttpRequest(request.method(), request.url());
		return Mono.deferContextual((context) -> request.writeTo(captured, ExchangeStrategies.withDefaults())
			.then(Mono.defer(captured::getBodyAsString))
			.flatMap((body) -> {
				this.requests.incrementAndGet();
				Exchange exchange = new Exchange(body, context.getOrDefault(ActionLogging.class, null));
				this.arrived.add(exchange);
				return exchange.reply.asMono().doOnCancel(() -> exchange.cancelled.set(true));
			}));
	}

	/** Waits for the next request to arrive. */
	Exchange next() {
		try {
			Exchange exchange = this.arrived.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (exchange == null) {
				throw new AssertionError("no request arrived within " + WAIT);
			}
			return exchange;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** How many requests arrived. */
	int requests() {
		return this.requests.get();
	}

	/** One request, waiting for its response. */
	static final class Exchange {

		private final String body;

		private final @Nullable ActionLogging logging;

		private final Sinks.One<ClientResponse> reply = Sinks.one();

		private final AtomicBoolean cancelled = new AtomicBoolean();

		private Exchange(String body, @Nullable ActionLogging logging) {
			this.body = body;
			this.logging = logging;
		}

		String body() {
			return this.body;
		}

		/** The handle's logging level, as the Reactor context carried it to the request. */
		@Nullable ActionLogging logging() {
			return this.logging;
		}

		boolean cancelled() {
			return this.cancelled.get();
		}

		/** Answers {@code {"status":"success","value":<valueJson>}}. */
		void succeed(String valueJson) {
			respond("{\"status\":\"success\",\"value\":" + valueJson + "}");
		}

		/** Answers a plain function failure. */
		void fail(String errorMessage) {
			respond("{\"status\":\"error\",\"errorMessage\":\"" + errorMessage + "\"}");
		}

		/** Answers with the given body. */
		void respondWith(String json) {
			respond(json);
		}

		private void respond(String json) {
			this.reply.tryEmitValue(ClientResponse.create(HttpStatus.OK)
				.header("Content-Type", "application/json")
				.body(json)
				.build());
		}

	}

}
