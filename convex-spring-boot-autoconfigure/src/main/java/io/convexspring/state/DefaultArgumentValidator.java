package io.convexspring.state;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import io.convexspring.client.ConvexFunction;

/**
 * The {@link ArgumentValidator#detect()} validator: Bean Validation's default provider when it
 * is on the class path, built on first use and shared; no checks otherwise. Refers to Bean
 * Validation only through {@link BeanValidationArgumentValidator}, so it loads without it.
 */
final class DefaultArgumentValidator implements ArgumentValidator {

	static final DefaultArgumentValidator INSTANCE = new DefaultArgumentValidator();

	private static final Log logger = LogFactory.getLog(DefaultArgumentValidator.class);

	private volatile @Nullable ArgumentValidator delegate;

	private DefaultArgumentValidator() {
	}

	@Override
	public void validate(ConvexFunction<?, ?> function, Object args) {
		delegate().validate(function, args);
	}

	private ArgumentValidator delegate() {
		ArgumentValidator delegate = this.delegate;
		if (delegate == null) {
			synchronized (this) {
				delegate = this.delegate;
				if (delegate == null) {
					delegate = create();
					this.delegate = delegate;
				}
			}
		}
		return delegate;
	}

	private static ArgumentValidator create() {
		ClassLoader classLoader = DefaultArgumentValidator.class.getClassLoader();
		if (!ClassUtils.isPresent("jakarta.validation.Validation", classLoader)) {
			return ArgumentValidator.none();
		}
		try {
			return BeanValidationArgumentValidator.withDefaultProvider();
		}
		catch (RuntimeException ex) {
			logger.info("Convex action arguments are not validated: Bean Validation has no usable provider ("
					+ ex.getMessage() + ")");
			return ArgumentValidator.none();
		}
	}

}
