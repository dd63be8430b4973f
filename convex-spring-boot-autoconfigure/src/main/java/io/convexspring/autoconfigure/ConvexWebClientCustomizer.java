package io.convexspring.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Adjusts the {@link WebClient.Builder} that the Convex transport is built from (filters,
 * default headers), after the starter has set its connector. Declare beans of this type;
 * they apply in {@code @Order}.
 */
@FunctionalInterface
public interface ConvexWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param webClientBuilder the builder, already a clone of the application's
	 */
	void customize(WebClient.Builder webClientBuilder);

}
