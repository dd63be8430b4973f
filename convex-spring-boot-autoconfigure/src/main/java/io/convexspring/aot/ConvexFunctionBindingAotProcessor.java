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
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;

import io.convexspring.client.ConvexFunction;

/**
 * Registers binding reflection hints, at build time, for the argument and result types of the
 * Convex function references an application declares: as static fields of its beans' classes
 * ({@code static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ...}) and as beans
 * of a {@code ConvexFunction} type with its type arguments. In a native image the codec then
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

	private static void staticReferences(Class<?> type, Set<Type> types) {
		Field[] fields;
		try {
			fields = type.getDeclaredFields();
		}
		catch (LinkageError ex) {
			return;
		}
		for (Field field : fields) {
			if (!Modifier.isStatic(field.getModifiers()) || !ConvexFunction.class.isAssignableFrom(field.getType())) {
				continue;
			}
			try {
				field.setAccessible(true);
				if (field.get(null) instanceof ConvexFunction<?, ?> function) {
					if (function.argumentType() != Void.class) {
						types.add(function.argumentType());
					}
					types.add(function.resultType());
				}
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				logger.debug("Could not read the Convex function reference " + field + " ahead of time", ex);
			}
		}
	}

}
