package io.convexspring.observation;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.convexspring.observation.ConvexObservationDocumentation.HighCardinalityKeyNames;
import io.convexspring.observation.ConvexObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ConvexObservationConvention}: each kind of function keeps its own name,
 * tagged with {@code function}, {@code outcome} and {@code exception} (and, on spans, the request
 * id and deployment URL). To bound the number of time series, only the first
 * {@code maxFunctionTags} distinct function paths become {@code function} tags; any further one
 * is tagged {@value #OTHER}. Thread-safe.
 *
 * @see ConvexObservationDocumentation
 */
public class DefaultConvexObservationConvention implements ConvexObservationConvention {

	/** The default limit of distinct {@code function} tags. */
	public static final int DEFAULT_MAX_FUNCTION_TAGS = 200;

	/** The {@code function} tag of paths beyond the limit. */
	public static final String OTHER = "OTHER";

	private static final KeyValue EXCEPTION_NONE = KeyValue.of(LowCardinalityKeyNames.EXCEPTION, KeyValue.NONE_VALUE);

	private final int maxFunctionTags;

	// the admitted paths, each with its tags of a success, built once: most executions succeed
	private final ConcurrentHashMap<String, KeyValues> functions = new ConcurrentHashMap<>();

	// a subclass may override the tag methods: then every call asks them
	private final boolean cacheable = getClass() == DefaultConvexObservationConvention.class;

	private volatile @Nullable DeploymentTags deploymentTags;

	/**
	 * Creates a convention with the default limit of {@value #DEFAULT_MAX_FUNCTION_TAGS}
	 * distinct function paths.
	 */
	public DefaultConvexObservationConvention() {
		this(DEFAULT_MAX_FUNCTION_TAGS);
	}

	/**
	 * Creates a convention.
	 * @param maxFunctionTags how many distinct function paths become {@code function} tags
	 * before further ones are tagged {@value #OTHER}
	 */
	public DefaultConvexObservationConvention(int maxFunctionTags) {
		if (maxFunctionTags < 0) {
			throw new IllegalArgumentException("maxFunctionTags must not be negative, not " + maxFunctionTags);
		}
		this.maxFunctionTags = maxFunctionTags;
	}

	/**
	 * Returns {@code null}, so that each kind of function keeps its own name.
	 * @return {@code null}
	 */
	@Override
	public @Nullable String getName() {
		return null;
	}

	@Override
	public String getContextualName(ConvexObservationContext context) {
		// the context names itself so as it is created: no need to build the name again
		String name = context.getContextualName();
		return (name != null) ? name : context.getKind().name().toLowerCase(Locale.ROOT) + " " + context.getPath();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ConvexObservationContext context) {
		if (this.cacheable && context.getError() == null && context.getOutcome() == ConvexOutcome.SUCCESS) {
			KeyValues success = this.functions.get(context.getPath());
			if (success != null) {
				return success;
			}
		}
		return KeyValues.of(function(context), outcome(context), exception(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ConvexObservationContext context) {
		KeyValues keyValues = deploymentUrlKeyValues(context);
		String requestId = context.getRequestId();
		return (requestId != null) ? keyValues.and(HighCardinalityKeyNames.REQUEST_ID.withValue(requestId))
				: keyValues;
	}

	/**
	 * Returns the {@code function} tag: the path, or {@value #OTHER} beyond the limit.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue function(ConvexObservationContext context) {
		return LowCardinalityKeyNames.FUNCTION.withValue(boundedPath(context.getPath()));
	}

	/**
	 * Returns the {@code outcome} tag: {@link ConvexOutcome#value()}.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue outcome(ConvexObservationContext context) {
		return LowCardinalityKeyNames.OUTCOME.withValue(context.getOutcome().value());
	}

	/**
	 * Returns the {@code exception} tag: the failure's simple class name, or {@code none}.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue exception(ConvexObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return EXCEPTION_NONE;
		}
		String name = error.getClass().getSimpleName();
		return LowCardinalityKeyNames.EXCEPTION.withValue(name.isEmpty() ? error.getClass().getName() : name);
	}

	/**
	 * Returns the {@code convex.deployment.url} span tag.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue deploymentUrl(ConvexObservationContext context) {
		return HighCardinalityKeyNames.DEPLOYMENT_URL.withValue(context.getDeploymentUrl());
	}

	private KeyValues deploymentUrlKeyValues(ConvexObservationContext context) {
		if (!this.cacheable) {
			return KeyValues.of(deploymentUrl(context));
		}
		// one transport, one deployment URL: the tag is built again only when it changes
		DeploymentTags tags = this.deploymentTags;
		String url = context.getDeploymentUrl();
		if (tags == null || !tags.url().equals(url)) {
			tags = new DeploymentTags(url, KeyValues.of(deploymentUrl(context)));
			this.deploymentTags = tags;
		}
		return tags.keyValues();
	}

	private String boundedPath(String path) {
		if (this.functions.containsKey(path)) {
			return path;
		}
		synchronized (this.functions) {
			if (this.functions.containsKey(path)) {
				return path;
			}
			if (this.functions.size() >= this.maxFunctionTags) {
				return OTHER;
			}
			this.functions.put(path, KeyValues.of(LowCardinalityKeyNames.FUNCTION.withValue(path),
					LowCardinalityKeyNames.OUTCOME.withValue(ConvexOutcome.SUCCESS.value()), EXCEPTION_NONE));
			return path;
		}
	}

	private record DeploymentTags(String url, KeyValues keyValues) {
	}

}
