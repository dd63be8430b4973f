package io.convexspring.client;

import java.util.Objects;

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
	 * Returns the connector that calls of a kind go through.
	 * @param kind the kind of function
	 * @return the connector
	 */
	public ClientHttpConnector forKind(FunctionKind kind) {
		return (kind == FunctionKind.ACTION) ? this.actions : this.functions;
	}

}
