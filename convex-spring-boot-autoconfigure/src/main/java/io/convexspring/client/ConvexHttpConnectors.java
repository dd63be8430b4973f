package io.convexspring.client;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The HTTP connectors the transport sends through: one for queries and mutations, one for
 * actions (on their own connection pool, so that long actions cannot take every connection).
 * The auto-configuration builds them the way Spring Boot builds its own; declare a bean of
 * this type to send through connectors of your own.
 *
 * @param functions the connector for queries and mutations
 * @param actions the connector for actions
 */
public record ConvexHttpConnectors(ClientHttpConnector functions, ClientHttpConnector actions) {

	/**
	 * Checks the connectors.
	 */
	public ConvexHttpConnectors {
		Objects.requireNonNull(functions, "functions must not be null");
		Objects.requireNonNull(actions, "actions must not be null");
	}

	/**
	 * One connector for every kind of function.
	 * @param connector the connector
	 * @return the connectors
	 */
	public static ConvexHttpConnectors of(ClientHttpConnector connector) {
		return new ConvexHttpConnectors(connector, connector);
	}

	/**
	 * Connectors built by the first call that goes through each, once, rather than now: an
	 * application does not pay at start-up for HTTP clients no call may need yet. A factory's
	 * failure fails that call with a {@link ConvexTransportException} whose function did not
	 * run, and the next call tries again.
	 * @param functions builds the connector for queries and mutations
	 * @param actions builds the connector for actions
	 * @return the connectors
	 */
	public static ConvexHttpConnectors lazy(Supplier<? extends ClientHttpConnector> functions,
			Supplier<? extends ClientHttpConnector> actions) {
		return new ConvexHttpConnectors(new LazyClientHttpConnector(functions), new LazyClientHttpConnector(actions));
	}

	/**
	 * One connector for every kind of function, built by the first call, once; see
	 * {@link #lazy(Supplier, Supplier)}.
	 * @param connector builds the connector
	 * @return the connectors
	 */
	public static ConvexHttpConnectors lazy(Supplier<? extends ClientHttpConnector> connector) {
		return of(new LazyClientHttpConnector(connector));
	}

	/**
	 * Returns the connector that calls of a kind go through.
	 * @param kind the kind of function
	 * @return the connector
	 */
	public ClientHttpConnector forKind(FunctionKind kind) {
		return (kind == FunctionKind.ACTION) ? this.actions : this.functions;
	}

}
