package io.convexspring.observation;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexTransport;

/**
 * Checks that the Convex deployment answers {@code GET /version}, within a short timeout, and
 * reports its URL (without user info) and backend version. It is not a function execution, so
 * it is neither observed nor logged as one.
 *
 * @see ConvexTransport#version(Duration)
 */
public final class ConvexHealthIndicator extends AbstractReactiveHealthIndicator {

	/** The default timeout of the check. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final ConvexTransport transport;

	private final Duration timeout;

	private final String url;

	private final Supplier<Map<String, Object>> extraDetails;

	/**
	 * Creates the health indicator.
	 * @param transport the transport to the deployment
	 * @param timeout how long to wait for the answer
	 */
	public ConvexHealthIndicator(ConvexTransport transport, Duration timeout) {
		this(transport, timeout, Map::of);
	}

	/**
	 * Creates the health indicator, with more details, such as the live-query sockets' states.
	 * @param transport the transport to the deployment
	 * @param timeout how long to wait for the answer
	 * @param extraDetails details added to every check (never a secret)
	 */
	public ConvexHealthIndicator(ConvexTransport transport, Duration timeout,
			Supplier<Map<String, Object>> extraDetails) {
		super("Convex health check failed");
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.url = ConvexObservationContext.withoutUserInfo(transport.deploymentUrl());
		this.extraDetails = Objects.requireNonNull(extraDetails, "extraDetails must not be null");
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.transport.version(this.timeout)
			.map((version) -> builder.up()
				.withDetail("url", this.url)
				.withDetail("version", version)
				.withDetails(this.extraDetails.get())
				.build())
			.onErrorResume((ex) -> Mono
				.just(builder.down(ex).withDetail("url", this.url).withDetails(this.extraDetails.get()).build()));
	}

}
