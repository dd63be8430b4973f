package io.convexspring.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.docs.ObservationDocumentation;
import org.jspecify.annotations.Nullable;

import io.convexspring.client.FunctionKind;

/**
 * The observations of Convex function executions, one name per kind of function, and their
 * tags, in one place. Each execution is one observation: Micrometer turns it into a timer
 * (e.g. {@code convex.action}) and a long task timer of the executions in flight
 * ({@code convex.action.active}), and a tracer into a span.
 *
 * @see DefaultConvexObservationConvention
 */
public enum ConvexObservationDocumentation implements ObservationDocumentation {

	/** Executions of actions. */
	ACTION {
		@Override
		public String getName() {
			return "convex.action";
		}
	},

	/** Executions of mutations. */
	MUTATION {
		@Override
		public String getName() {
			return "convex.mutation";
		}
	},

	/** Executions of queries. */
	QUERY {
		@Override
		public String getName() {
			return "convex.query";
		}
	};

	@Override
	public abstract String getName();

	@Override
	public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
		return DefaultConvexObservationConvention.class;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return LowCardinalityKeyNames.values();
	}

	@Override
	public KeyName[] getHighCardinalityKeyNames() {
		return HighCardinalityKeyNames.values();
	}

	/**
	 * Returns the observation of a kind of function.
	 * @param kind the kind
	 * @return the observation's documentation
	 */
	public static ConvexObservationDocumentation of(FunctionKind kind) {
		return switch (kind) {
			case ACTION -> ACTION;
			case MUTATION -> MUTATION;
			case QUERY -> QUERY;
		};
	}

	/**
	 * Creates, but does not start, the observation of an execution. The convention used is the
	 * custom one, else one registered with the registry, else the default, as Micrometer picks
	 * them; where it names no observation ({@code getName()} returns {@code null}), it is named
	 * after the kind of function, so that observation predicates see {@code convex.action},
	 * {@code convex.mutation} or {@code convex.query}.
	 * @param context the execution's context
	 * @param customConvention the custom convention, if any
	 * @param defaultConvention the default convention
	 * @param registry the registry
	 * @return the observation, a no-op one where the registry is a no-op or a predicate
	 * refuses it
	 */
	public static Observation createNotStarted(ConvexObservationContext context,
			@Nullable ConvexObservationConvention customConvention, ConvexObservationConvention defaultConvention,
			ObservationRegistry registry) {
		String name = of(context.getKind()).getName();
		return Observation.createNotStarted((customConvention != null) ? new Named(name, customConvention) : null,
				new Named(name, defaultConvention), () -> context, registry);
	}

	/** Low-cardinality tags: on metrics and spans. */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The function path, e.g. {@code emails:send}; {@code OTHER} beyond the limit of
		 * distinct paths.
		 */
		FUNCTION {
			@Override
			public String asString() {
				return "function";
			}
		},

		/** How the execution ended: a {@link ConvexOutcome#value()}, e.g. {@code success}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The simple class name of the failure, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/** High-cardinality tags: on spans only. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The backend's request id, where a failure names one. */
		REQUEST_ID {
			@Override
			public String asString() {
				return "convex.request.id";
			}
		},

		/** The deployment URL, without user info. */
		DEPLOYMENT_URL {
			@Override
			public String asString() {
				return "convex.deployment.url";
			}
		}

	}

	/** Names a convention's observations after the kind of function where it names none. */
	private record Named(String name, ConvexObservationConvention delegate) implements ConvexObservationConvention {

		@Override
		public String getName() {
			String name = this.delegate.getName();
			return (name != null && !name.isBlank()) ? name : this.name;
		}

		@Override
		public @Nullable String getContextualName(ConvexObservationContext context) {
			return this.delegate.getContextualName(context);
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ConvexObservationContext context) {
			return this.delegate.getLowCardinalityKeyValues(context);
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ConvexObservationContext context) {
			return this.delegate.getHighCardinalityKeyValues(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return this.delegate.supportsContext(context);
		}

	}

}
