package io.convexspring.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls a record's (or any type's) creator constructor through
 * {@link Constructor#newInstance}, not Jackson 3.1's
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle's type again on every
 * call: that adaptation was half the time of binding a small record. Same constructor, same
 * arguments, same failures; an instantiator of the application's own is left as it is.
 */
final class ConstructorInstantiators implements ValueInstantiators {

	@Override
	public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc) {
		return null;
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc,
			ValueInstantiator defaultInstantiator) {
		if (defaultInstantiator.getClass() != StdValueInstantiator.class) {
			return defaultInstantiator;
		}
		DirectConstructorInstantiator direct = new DirectConstructorInstantiator((StdValueInstantiator) defaultInstantiator);
		return direct.usable() ? direct : defaultInstantiator;
	}

	/** A {@link StdValueInstantiator} whose properties-based creator is called directly. */
	static final class DirectConstructorInstantiator extends StdValueInstantiator {

		private final @Nullable Constructor<?> constructor;

		DirectConstructorInstantiator(StdValueInstantiator source) {
			super(source);
			Constructor<?> found = (this._withArgsCreator instanceof AnnotatedConstructor creator)
					? creator.getAnnotated() : null;
			// Jackson has opened it already where it may override access modifiers
			this.constructor = (found != null && (found.canAccess(null) || found.trySetAccessible())) ? found : null;
		}

		boolean usable() {
			return this.constructor != null;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
			Constructor<?> direct = this.constructor;
			if (direct == null) {
				return super.createFromObjectWith(ctxt, args);
			}
			Exception failure;
			try {
				return direct.newInstance(args);
			}
			catch (InvocationTargetException ex) {
				// the constructor's own failure, as Jackson's own call would see it
				Throwable cause = ex.getCause();
				if (cause instanceof Error error) {
					throw error;
				}
				failure = (cause instanceof Exception exception) ? exception : ex;
			}
			catch (ReflectiveOperationException | IllegalArgumentException ex) {
				failure = ex;
			}
			return ctxt.handleInstantiationProblem(this._valueClass, args, rewrapCtorProblem(ctxt, failure));
		}

	}

}
