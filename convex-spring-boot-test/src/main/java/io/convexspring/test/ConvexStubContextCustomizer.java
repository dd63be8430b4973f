package io.convexspring.test;

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.convexspring.codec.ConvexCodec;

/**
 * Starts a {@link ConvexStub} for one application context: registers it as the bean
 * {@value #BEAN_NAME} (stopped with the context), sets {@code convex.url} to it ahead of every
 * other property source, and, once the context is refreshed, has it use the app's
 * {@link ConvexCodec}. All such customizers are equal, so contexts that differ in nothing else
 * are still shared between test classes.
 */
final class ConvexStubContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "convexStub";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@AutoConfigureConvexStub needs a context whose bean factory is a "
					+ "BeanDefinitionRegistry, not " + beanFactory.getClass().getName());
		}
		ConvexStub stub = ConvexStub.start();
		RootBeanDefinition definition = new RootBeanDefinition(ConvexStub.class, () -> stub);
		definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
		registry.registerBeanDefinition(BEAN_NAME, definition);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("convexStub", Map.of("convex.url", stub.url())));
		// a scripted refusal is what the test sees, not the repeat it would cause; lowest
		// precedence, so that a test can turn repeats back on
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("convexStubDefaults", Map.of("convex.retry.enabled", "false")));
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
				context.getBeanProvider(ConvexCodec.class).ifUnique(stub::useCodec);
			}
		});
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConvexStubContextCustomizer;
	}

	@Override
	public int hashCode() {
		return ConvexStubContextCustomizer.class.hashCode();
	}

}
