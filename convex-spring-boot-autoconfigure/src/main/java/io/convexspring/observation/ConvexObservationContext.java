package io.convexspring.observation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;

/**
 * The {@link Observation.Context} of one Convex function execution, filled in by
 * {@link ConvexTransport} as the execution goes: what was called, with which arguments, and how
 * it ended (result, HTTP status, request id, the function's log lines, the failure). Conventions
 * and handlers read it; it never holds credentials.
 *
 * @see ConvexObservationConvention
 */
public class ConvexObservationContext extends Observation.Context {

	// "action ", "mutation ", "query ": not lower-cased again for every execution
	private static final Map<FunctionKind, String> CONTEXTUAL_PREFIXES = new EnumMap<>(FunctionKind.class);

	static {
		for (FunctionKind kind : FunctionKind.values()) {
			CONTEXTUAL_PREFIXES.put(kind, kind.name().toLowerCase(Locale.ROOT) + " ");
		}
	}

	private final FunctionKind kind;

	private final String path;

	private final String deploymentUrl;

	private final @Nullable Object arguments;

	private final Instant startTime = Instant.now();

	private final long startNanos = System.nanoTime();

	private volatile long endNanos;

	private volatile boolean ended;

	private volatile @Nullable Object result;

	private volatile boolean succeeded;

	private volatile boolean cancelled;

	private volatile int httpStatus;

	private volatile List<String> logLines = List.of();

	private volatile CallerLogging callerLogging = CallerLogging.NONE;

	private volatile int retries;

	private volatile @Nullable BiConsumer<ConvexException, Integer> retryListener;

	/**
	 * Creates the context of an execution that starts now.
	 * @param kind the kind of function
	 * @param path the function path, e.g. {@code emails:send}
	 * @param deploymentUrl the deployment URL (any user info in it is dropped)
	 * @param arguments the arguments as the caller passed them, {@code null} for none
	 */
	public ConvexObservationContext(FunctionKind kind, String path, URI deploymentUrl, @Nullable Object arguments) {
		this.kind = Objects.requireNonNull(kind, "kind must not be null");
		this.path = Objects.requireNonNull(path, "path must not be null");
		this.deploymentUrl = withoutUserInfo(deploymentUrl);
		this.arguments = arguments;
		setName(ConvexObservationDocumentation.of(kind).getName());
		setContextualName(CONTEXTUAL_PREFIXES.get(kind) + path);
	}

	static String withoutUserInfo(URI url) {
		if (url.getRawUserInfo() == null) {
			return url.toString();
		}
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
				+ ((url.getRawPath() != null) ? url.getRawPath() : "");
	}

	/**
	 * Returns how many times the call was repeated ({@link io.convexspring.client.ConvexRetryPolicy}).
	 * @return the number of retries, 0 for a call that succeeded or failed at once
	 */
	public int getRetries() {
		return this.retries;
	}

	/**
	 * Records that the call is about to be repeated after a failure; tells the listener, which
	 * the observation sets to add an event.
	 * @param failure why the last attempt failed
	 * @param attempt the number of the attempt to come, 2 for the first repeat
	 */
	public void retrying(ConvexException failure, int attempt) {
		this.retries++;
		BiConsumer<ConvexException, Integer> listener = this.retryListener;
		if (listener != null) {
			listener.accept(failure, attempt);
		}
	}

	/**
	 * Sets what is told of each repeat of the call.
	 * @param listener the listener, given the failure and the number of the coming attempt
	 */
	public void onRetry(BiConsumer<ConvexException, Integer> listener) {
		this.retryListener = listener;
	}

	/**
	 * Returns how the caller logs this execution itself, which the logging handler defers to.
	 * @return the caller's logging
	 */
	public CallerLogging getCallerLogging() {
		return this.callerLogging;
	}

	/**
	 * Records that the caller logs this execution itself (an action handle with its own
	 * logging level). Set it before the observation is created: handlers are chosen then.
	 * @param callerLogging the caller's logging
	 */
	public void setCallerLogging(CallerLogging callerLogging) {
		this.callerLogging = Objects.requireNonNull(callerLogging, "callerLogging must not be null");
	}

	/**
	 * How the caller of an execution logs it, overriding {@code convex.logging} for it.
	 */
	public enum CallerLogging {

		/** The caller does not log it: {@code convex.logging} applies. */
		NONE,

		/** The caller writes the lines about the execution; the function's own lines still go out. */
		EXECUTION_LINES,

		/** The caller wants no log at all for it. */
		SILENT

	}

	/**
	 * Returns the kind of function.
	 * @return the kind
	 */
	public FunctionKind getKind() {
		return this.kind;
	}

	/**
	 * Returns the function path, e.g. {@code emails:send}.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Returns the deployment URL, without user info.
	 * @return the deployment URL
	 */
	public String getDeploymentUrl() {
		return this.deploymentUrl;
	}

	/**
	 * Returns the arguments as the caller passed them.
	 * @return the arguments, or {@code null} for none
	 */
	public @Nullable Object getArguments() {
		return this.arguments;
	}

	/**
	 * Returns the decoded result of a successful execution.
	 * @return the result, or {@code null} (none yet, a failure, or a Convex {@code null})
	 */
	public @Nullable Object getResult() {
		return this.result;
	}

	/**
	 * Records that the execution succeeded, with its result.
	 * @param result the result, or {@code null} for a Convex {@code null}
	 */
	public void setResult(@Nullable Object result) {
		this.result = result;
		this.succeeded = true;
		end();
	}

	@Override
	public void setError(Throwable error) {
		super.setError(error);
		end();
	}

	/**
	 * Whether the caller cancelled the execution before it ended.
	 * @return whether it was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Records that the caller cancelled the execution. Ignored once it has ended otherwise.
	 */
	public void setCancelled() {
		if (!this.succeeded && getError() == null) {
			this.cancelled = true;
			end();
		}
	}

	/**
	 * Returns the HTTP status of the response.
	 * @return the status, or {@code 0} where no response came
	 */
	public int getHttpStatus() {
		if (this.httpStatus == 0 && getError() instanceof ConvexException failure) {
			return failure.httpStatus().orElse(0);
		}
		return this.httpStatus;
	}

	/**
	 * Sets the HTTP status of the response.
	 * @param httpStatus the status
	 */
	public void setHttpStatus(int httpStatus) {
		this.httpStatus = httpStatus;
	}

	/**
	 * Returns the backend's request id, where a failure's message carries one.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return (getError() instanceof ConvexFunctionException failure) ? failure.requestId().orElse(null) : null;
	}

	/**
	 * Returns the function's own log lines (e.g. {@code [LOG] Sending}), of a success or a
	 * failure.
	 * @return the log lines, possibly empty
	 */
	public List<String> getLogLines() {
		if (this.logLines.isEmpty() && getError() instanceof ConvexException failure) {
			return failure.logLines();
		}
		return this.logLines;
	}

	/**
	 * Sets the log lines of a successful execution.
	 * @param logLines the log lines
	 */
	public void setLogLines(List<String> logLines) {
		this.logLines = List.copyOf(logLines);
	}

	/**
	 * Returns how the execution ended, {@link ConvexOutcome#UNKNOWN} while it runs.
	 * @return the outcome
	 */
	public ConvexOutcome getOutcome() {
		Throwable error = getError();
		if (error != null) {
			return ConvexOutcome.of(error);
		}
		if (this.cancelled) {
			return ConvexOutcome.CANCELLED;
		}
		return this.succeeded ? ConvexOutcome.SUCCESS : ConvexOutcome.UNKNOWN;
	}

	/**
	 * Returns when the execution started.
	 * @return the start time
	 */
	public Instant getStartTime() {
		return this.startTime;
	}

	/**
	 * Returns how long the execution took, or, while it runs, has taken so far.
	 * @return the duration
	 */
	public Duration getDuration() {
		return Duration.ofNanos((this.ended ? this.endNanos : System.nanoTime()) - this.startNanos);
	}

	private void end() {
		if (!this.ended) {
			this.endNanos = System.nanoTime();
			this.ended = true;
		}
	}

}
