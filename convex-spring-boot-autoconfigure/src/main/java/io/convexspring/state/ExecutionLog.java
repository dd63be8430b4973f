package io.convexspring.state;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexException;
import io.convexspring.codec.ValuePreview;

/**
 * Writes a handle's own log lines when it has an {@link ActionLogging} level (without one,
 * {@code convex.logging} covers it): one line per execution, and with {@code DEBUG} a start
 * line and previews (as {@code convex.logging}'s: bytes as their length, cut at the client's
 * {@code previewSize}). Written at INFO, like {@code convex.logging}'s lines, so they show with
 * Spring Boot's default logging; {@code convex.logging} then leaves these executions' lines to
 * the handle. Also a warning for each callback that throws.
 */
final class ExecutionLog {

	private static final Log logger = LogFactory.getLog(ConvexActionHandle.class);

	private final String function;

	private final @Nullable ActionLogging level;

	private final int previewSize;

	ExecutionLog(ConvexAction<?, ?> action, @Nullable ActionLogging level, int previewSize) {
		this.function = action.kind().label() + " " + action.path();
		this.level = level;
		this.previewSize = previewSize;
	}

	void started(@Nullable Object args) {
		if (this.level == ActionLogging.DEBUG && logger.isInfoEnabled()) {
			logger.info(this.function + " started with " + preview(args));
		}
	}

	void succeeded(@Nullable Object result, long startNanos) {
		if (this.level == ActionLogging.INFO && logger.isInfoEnabled()) {
			logger.info(this.function + " succeeded in " + millisSince(startNanos) + " ms");
		}
		else if (this.level == ActionLogging.DEBUG && logger.isInfoEnabled()) {
			logger.info(this.function + " succeeded in " + millisSince(startNanos) + " ms with " + preview(result));
		}
	}

	void failed(ConvexException error, long startNanos) {
		String line = this.function + " failed in " + millisSince(startNanos) + " ms: " + error.getMessage();
		if ((this.level == ActionLogging.INFO || this.level == ActionLogging.DEBUG) && logger.isInfoEnabled()) {
			logger.info(line);
		}
	}

	void callbackFailed(String callback, Throwable failure) {
		logger.warn("The " + callback + " callback of " + this.function + " threw an exception; the outcome stands",
				failure);
	}

	private static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private String preview(@Nullable Object value) {
		return ValuePreview.of(value, this.previewSize);
	}

}
