package io.convexspring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.convexspring.client.ConvexTransport;
import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexObservationConvention;
import io.convexspring.observation.ConvexObservationDocumentation;

/**
 * Picks the registry the transport observes executions in. With metrics on and an application
 * {@link ObservationRegistry}: that one, where Spring Boot also registers the Convex handler
 * beans (logging, recent executions). Otherwise, where there are Convex handlers, a registry of
 * the transport's own that holds only them, so logging works without metrics; with none, no
 * registry, and calls are not wrapped at all. Also passes on whether the WebClient observes
 * Convex calls itself ({@code convex.metrics.http-client-requests}).
 */
final class ObservationTransportCustomizer implements ConvexTransportCustomizer {

	private static final String BOOT_HANDLER_REGISTRAR = "observationRegistryPostProcessor";

	private final boolean metricsEnabled;

	private final boolean httpClientRequests;

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<ConvexObservationConvention> observationConvention;

	private final ObjectProvider<ObservationHandler<ConvexObservationContext>> observationHandlers;

	ObservationTransportCustomizer(boolean metricsEnabled, boolean httpClientRequests,
			ListableBeanFactory beanFactory, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ConvexObservationConvention> observationConvention,
			ObjectProvider<ObservationHandler<ConvexObservationContext>> observationHandlers) {
		this.metricsEnabled = metricsEnabled;
		this.httpClientRequests = httpClientRequests;
		this.beanFactory = beanFactory;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.observationHandlers = observationHandlers;
	}

	@Override
	public void customize(ConvexTransport.Builder builder) {
		this.observationConvention.ifUnique(builder::observationConvention);
		builder.httpClientObservations(this.httpClientRequests);
		List<ObservationHandler<ConvexObservationContext>> handlers = this.observationHandlers.orderedStream()
			.toList();
		ObservationRegistry applicationRegistry = this.observationRegistry.getIfUnique();
		if (this.metricsEnabled && applicationRegistry != null) {
			if (!this.beanFactory.containsBean(BOOT_HANDLER_REGISTRAR)) {
				// Spring Boot's observation support is absent: it will not register the handlers
				handlers.forEach(applicationRegistry.observationConfig()::observationHandler);
			}
			builder.observationRegistry(applicationRegistry);
		}
		else if (!handlers.isEmpty()) {
			ObservationRegistry ownRegistry = ObservationRegistry.create();
			handlers.forEach(ownRegistry.observationConfig()::observationHandler);
			builder.observationRegistry(ownRegistry).nestHttpObservations(false);
		}
	}

	/**
	 * Whether {@code management.observations.enable.*} leaves any Convex observation on, as
	 * Spring Boot's observation predicate reads it (the longest matching prefix, else
	 * {@code all}, else on).
	 */
	static boolean observationsEnabled(Environment environment) {
		Map<String, Boolean> enable = Binder.get(environment)
			.bind("management.observations.enable", Bindable.mapOf(String.class, Boolean.class))
			.orElse(Map.of());
		if (enable.isEmpty()) {
			return true;
		}
		for (ConvexObservationDocumentation observation : ConvexObservationDocumentation.values()) {
			if (enabled(enable, observation.getName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean enabled(Map<String, Boolean> enable, String name) {
		for (String prefix = name; !prefix.isEmpty(); prefix = prefix.substring(0, Math.max(0,
				prefix.lastIndexOf('.')))) {
			Boolean value = enable.get(prefix);
			if (value != null) {
				return value;
			}
		}
		return enable.getOrDefault("all", true);
	}

}
