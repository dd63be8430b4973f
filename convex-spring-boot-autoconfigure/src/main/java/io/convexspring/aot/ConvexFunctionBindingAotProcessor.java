package io.convexspring.aot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.ClassUtils;

import io.convexspring.client.ConvexFunction;

/**
 * Registers binding reflection hints, at build time, for the argument and result types of the
 * Convex function references an application declares: as static fields of its beans' classes
 * and of the classes in its auto-configuration packages
 * ({@code static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ...}), as fields of
 * the objects such a static field holds (a generated {@code Api.emails.send}), and as beans of
 * a {@code ConvexFunction} type with its type arguments. In a native image the codec then
 * reads and writes those records and beans, and the logging preview shows their components.
 */
public final class ConvexFunctionBindingAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final Log logger = LogFactory.getLog(ConvexFunctionBindingAotProcessor.class);

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Type> types = new LinkedHashSet<>();
		Set<Class<?>> scanned = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			RegisteredBean bean = RegisteredBean.of(beanFactory, name);
			// the definition's own type keeps the generics of a @Bean method's return type
			ResolvableType beanType = bean.getMergedBeanDefinition().getResolvableType();
			if (beanType.resolve() == null) {
				beanType = bean.getBeanType();
			}
			Class<?> beanClass = beanType.resolve();
			if (beanClass == null) {
				continue;
			}
			if (ConvexFunction.class.isAssignableFrom(beanClass)) {
				ResolvableType function = beanType.as(ConvexFunction.class);
				for (ResolvableType generic : function.getGenerics()) {
					resolved(generic, types);
				}
			}
			Class<?> userClass = bean.getBeanClass();
			if (scanned.add(userClass)) {
				staticReferences(userClass, types);
			}
		}
		scanPackages(beanFactory, scanned, types);
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> new BindingReflectionHintsRegistrar()
			.registerReflectionHints(generationContext.getRuntimeHints().reflection(), types.toArray(Type[]::new));
	}

	/** A type argument as classes: the generics seen through the bean type are type variables. */
	private static void resolved(ResolvableType type, Set<Type> types) {
		Class<?> resolved = type.resolve();
		if (resolved == null || resolved == Void.class || resolved == Object.class) {
			return;
		}
		types.add(resolved);
		for (ResolvableType generic : type.getGenerics()) {
			resolved(generic, types);
		}
	}

	/** The application's own classes: references often live in a holder or generated class, not a bean. */
	private static void scanPackages(ConfigurableListableBeanFactory beanFactory, Set<Class<?>> scanned,
			Set<Type> types) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return;
		}
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter((reader, factory) -> true);
		scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		for (String name : AutoConfigurationPackages.get(beanFactory)) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(name)) {
				try {
					Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), classLoader);
					if (scanned.add(type)) {
						staticReferences(type, types);
					}
				}
				catch (ClassNotFoundException | LinkageError ex) {
					logger.debug("Could not load " + candidate.getBeanClassName() + " ahead of time", ex);
				}
			}
		}
	}

	private static void staticReferences(Class<?> type, Set<Type> types) {
		Field[] fields;
		try {
			fields = type.getDeclaredFields();
		}
		catch (LinkageError ex) {
			return;
		}
		for (Field field : fields) {
			if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
					|| field.getType().getName().startsWith("java.")) {
				continue;
			}
			Object value = read(field, null);
			if (value instanceof ConvexFunction<?, ?> function) {
				add(function, types);
			}
			else if (value != null && value.getClass().getPackageName().equals(type.getPackageName())) {
				// a holder of references, such as a generated API's module: Api.emails.send
				for (Field member : value.getClass().getDeclaredFields()) {
					if (!Modifier.isStatic(member.getModifiers())
							&& ConvexFunction.class.isAssignableFrom(member.getType())
							&& read(member, value) instanceof ConvexFunction<?, ?> function) {
						add(function, types);
					}
				}
			}
		}
	}

	private static void add(ConvexFunction<?, ?> function, Set<Type> types) {
		if (function.argumentType() != Void.class) {
			types.add(function.argumentType());
		}
		if (function.resultType() != Void.class && function.resultType() != Object.class) {
			types.add(function.resultType());
		}
	}

	private static @Nullable Object read(Field field, @Nullable Object target) {
		try {
			field.setAccessible(true);
			return field.get(target);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			logger.debug("Could not read " + field + " ahead of time", ex);
			return null;
		}
	}

}
