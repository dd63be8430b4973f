package io.convexspring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link ConvexStubContextCustomizer} to the context of a test class annotated (directly,
 * on a superclass or an enclosing class) with {@link AutoConfigureConvexStub}. Registered in
 * {@code META-INF/spring.factories}.
 */
final class ConvexStubContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureConvexStub.class)
				? new ConvexStubContextCustomizer() : null;
	}

}
