package io.convexspring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.convexspring.autoconfigure.UnknownConvexPropertyException.UnknownProperty;

/**
 * Fails start-up, before any bean is created, where a {@code convex.*} property is set that
 * the configuration metadata on the class path does not declare. Environment variables are
 * left out: {@code CONVEX_*} names are also used by Convex's own tools (such as
 * {@code CONVEX_DEPLOYMENT}), and their mapping to property names is ambiguous.
 */
final class ConvexPropertiesCheck implements BeanFactoryPostProcessor {

	private static final Log logger = LogFactory.getLog(ConvexPropertiesCheck.class);

	private final ConfigurableEnvironment environment;

	ConvexPropertiesCheck(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(ConvexPropertyNames.load(beanFactory.getBeanClassLoader()));
	}

	void check(ConvexPropertyNames known) {
		if (known.isEmpty()) {
			logger.debug("No configuration metadata declares convex.* properties; their names are not checked");
			return;
		}
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(ConvexPropertyNames.PREFIX);
		Map<String, UnknownProperty> unknown = new LinkedHashMap<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)
					|| source instanceof SystemEnvironmentPropertySource) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
				if (adapted.isEmpty() || !prefix.isAncestorOf(adapted) || known.isKnown(adapted)) {
					continue;
				}
				String closest = known.closest(adapted);
				unknown.putIfAbsent(name, new UnknownProperty(name, source.getName(), (closest != null) ? closest : ""));
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownConvexPropertyException(new ArrayList<>(unknown.values()));
		}
	}

}
