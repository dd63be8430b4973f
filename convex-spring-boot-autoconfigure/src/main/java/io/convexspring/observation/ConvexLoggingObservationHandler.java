package io.convexspring.observation;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ValuePreview;

/**
 * Logs Convex function executions from their observation, so that the one observation that
 * times and classifies an execution also writes its log. Per execution: the function's own log
 * lines, forwarded as the official client prints them ({@code [CONVEX A(emails:send)] [LOG]
 * ...}) to the {@value #FUNCTION_LOGGER} logger, {@code [ERROR]} at ERROR, {@code [WARN]} at
 * WARN, the rest at INFO; then one line with the kind, function, outcome and duration (and a
 * failure's message) to the {@value #EXECUTION_LOGGER} logger. {@link #detailed(int) Detailed}
 * logging adds a line as each execution starts, with an argument preview, and the HTTP status,
 * request id and a result preview to the last line. Every line is written at INFO or above, so
 * it shows with Spring Boot's default logging set-up. Credentials never appear: the context
 * holds none. An execution whose caller logs it itself (an action handle with its own logging
 * level) gets only the function's lines here, or nothing if the caller silenced it.
 *
 * @see ConvexObservationContext
 */
public final class ConvexLoggingObservationHandler implements ObservationHandler<ConvexObservationContext> {

	/** The logger of the lines about each execution. */
	public static final String EXECUTION_LOGGER = "io.convexspring.execution";

	/** The logger of the functions' own log lines. */
	public static final String FUNCTION_LOGGER = "io.convexspring.function";

	/** The default length of argument and result previews, in characters. */
	public static final int DEFAULT_PREVIEW_SIZE = 500;

	private static final Log executionLogger = LogFactory.getLog(EXECUTION_LOGGER);

	private static final Log functionLogger = LogFactory.getLog(FUNCTION_LOGGER);

	// beyond this many functions, prefixes are built per line rather than kept
	private static final int MAX_CACHED_PREFIXES = 1024;

	private final ConcurrentHashMap<String, Prefixes> prefixes = new ConcurrentHashMap<>();

	private final boolean detailed;

	private final int previewSize;

	private ConvexLoggingObservationHandler(boolean detailed, int previewSize) {
		this.detailed = detailed;
		this.previewSize = previewSize;
	}

	/**
	 * A handler that logs one line per execution, and the function's own log lines.
	 * @return the handler
	 */
	public static ConvexLoggingObservationHandler summary() {
		return new ConvexLoggingObservationHandler(false, 0);
	}

	/**
	 * A handler that also logs each start, HTTP details and previews of arguments and results.
	 * @param previewSize the most characters of a preview; longer ones end with
	 * {@code ... (truncated)}
	 * @return the handler
	 */
	public static ConvexLoggingObservationHandler detailed(int previewSize) {
		if (previewSize < 0) {
			throw new IllegalArgumentException("previewSize must not be negative, not " + previewSize);
		}
		return new ConvexLoggingObservationHandler(true, previewSize);
	}

	@Override
	public void onStart(ConvexObservationContext context) {
		if (this.detailed && ownsExecutionLines(context) && executionLogger.isInfoEnabled()) {
			executionLogger.info(prefixes(context).execution() + " started; arguments: "
					+ ValuePreview.of(context.getArguments(), this.previewSize));
		}
	}

	@Override
	public void onStop(ConvexObservationContext context) {
		forwardLogLines(context);
		if (!ownsExecutionLines(context) || !executionLogger.isInfoEnabled()) {
			return;
		}
		ConvexOutcome outcome = context.getOutcome();
		String description = prefixes(context).execution();
		StringBuilder line = new StringBuilder(description.length() + (this.detailed ? 128 : 32)).append(description)
			.append(": ")
			.append(outcome.value())
			.append(" in ")
			.append(context.getDuration().toMillis())
			.append(" ms");
		if (context.getError() != null) {
			line.append(": ").append(context.getError().getMessage());
		}
		if (this.detailed) {
			int status = context.getHttpStatus();
			line.append("; HTTP ").append((status != 0) ? String.valueOf(status) : "none");
			String requestId = context.getRequestId();
			if (requestId != null) {
				line.append("; request id ").append(requestId);
			}
			if (outcome == ConvexOutcome.SUCCESS) {
				line.append("; result: ").append(ValuePreview.of(context.getResult(), this.previewSize));
			}
		}
		executionLogger.info(line.toString());
	}

	private void forwardLogLines(ConvexObservationContext context) {
		String prefix = null;
		for (String logLine : context.getLogLines()) {
			prefix = (prefix != null) ? prefix : prefixes(context).function();
			if (logLine.startsWith("[ERROR]")) {
				functionLogger.error(prefix + logLine);
			}
			else if (logLine.startsWith("[WARN]")) {
				functionLogger.warn(prefix + logLine);
			}
			else if (functionLogger.isInfoEnabled()) {
				functionLogger.info(prefix + logLine);
			}
		}
	}

	/** The function's line prefixes, built once per function (up to {@value #MAX_CACHED_PREFIXES}). */
	private Prefixes prefixes(ConvexObservationContext context) {
		Prefixes cached = this.prefixes.get(context.getPath());
		if (cached != null && cached.kind() == context.getKind()) {
			return cached;
		}
		Prefixes built = new Prefixes(context.getKind(),
				"Convex " + context.getKind().label().toLowerCase(Locale.ROOT) + " " + context.getPath(),
				"[CONVEX " + context.getKind().letter() + "(" + context.getPath() + ")] ");
		if (cached == null && this.prefixes.size() < MAX_CACHED_PREFIXES) {
			this.prefixes.putIfAbsent(context.getPath(), built);
		}
		return built;
	}

	/**
	 * The start of a function's execution lines ({@code Convex action emails:send}) and of its
	 * forwarded log lines ({@code [CONVEX A(emails:send)] }).
	 */
	private record Prefixes(FunctionKind kind, String execution, String function) {
	}

	private static boolean ownsExecutionLines(ConvexObservationContext context) {
		return context.getCallerLogging() == ConvexObservationContext.CallerLogging.NONE;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return (context instanceof ConvexObservationContext convex)
				&& convex.getCallerLogging() != ConvexObservationContext.CallerLogging.SILENT;
	}

}
