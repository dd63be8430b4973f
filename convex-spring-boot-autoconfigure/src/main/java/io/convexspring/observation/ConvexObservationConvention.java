package io.convexspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Convex function executions. Declare a bean of this type
 * (for instance a subclass of {@link DefaultConvexObservationConvention}) to change them.
 * Where {@link #getName()} returns {@code null}, as by default, each kind of function keeps its
 * own name from {@link ConvexObservationDocumentation} ({@code convex.action},
 * {@code convex.mutation}, {@code convex.query}); a name returned is used for all kinds.
 *
 * @see ConvexObservationContext
 */
public interface ConvexObservationConvention extends ObservationConvention<ConvexObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ConvexObservationContext;
	}

}
