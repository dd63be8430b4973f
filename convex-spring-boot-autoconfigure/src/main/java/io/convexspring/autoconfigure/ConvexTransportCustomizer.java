package io.convexspring.autoconfigure;

import io.convexspring.client.ConvexTransport;

/**
 * Adjusts the {@link ConvexTransport.Builder} of the auto-configured transport before it is
 * built, after the connection settings; the observation auto-configuration uses one to set the
 * observation registry and convention. Declare beans of this type; they apply in
 * {@code @Order}.
 *
 * @see ConvexWebClientCustomizer
 */
@FunctionalInterface
public interface ConvexTransportCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(ConvexTransport.Builder builder);

}
