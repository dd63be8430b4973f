package io.convexspring.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import io.convexspring.client.ConvexValidationException;
import io.convexspring.codec.ConvexInt64;
import io.convexspring.state.ActionError;
import io.convexspring.state.ActionState;

/**
 * What a native image needs of the starter itself: the {@code client.properties} resource that
 * names the version the {@code Convex-Client} header sends, the configuration metadata the
 * property-name check reads, and binding reflection for the types the starter writes as JSON
 * (an action state and its error view, validation violations) or reads ({@code ConvexInt64}).
 * Registered through {@code META-INF/spring/aot.factories}.
 */
public final class ConvexRuntimeHints implements RuntimeHintsRegistrar {

	/** The resource the {@code Convex-Client} header's version comes from. */
	public static final String CLIENT_PROPERTIES = "io/convexspring/client/client.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CLIENT_PROPERTIES);
		hints.resources().registerPattern("META-INF/spring-configuration-metadata.json");
		hints.resources().registerPattern("META-INF/additional-spring-configuration-metadata.json");
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), ActionState.class,
				ActionError.class, ConvexValidationException.Violation.class);
		// the JSON's error is a package-private accessor
		hints.reflection().registerType(ActionState.class, MemberCategory.INVOKE_DECLARED_METHODS);
		hints.reflection().registerType(ConvexInt64.class, MemberCategory.INVOKE_PUBLIC_METHODS,
				MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

}
