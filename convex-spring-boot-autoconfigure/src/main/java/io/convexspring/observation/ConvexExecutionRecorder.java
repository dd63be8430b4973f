package io.convexspring.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ValuePreview;

/**
 * Keeps the most recent Convex function executions in a bounded ring buffer, from their
 * observation, for the {@link ConvexEndpoint}. Thread-safe.
 */
public final class ConvexExecutionRecorder implements ObservationHandler<ConvexObservationContext> {

	/** The default number of executions kept. */
	public static final int DEFAULT_CAPACITY = 50;

	private final Execution[] executions;

	private final int previewSize;

	private int next;

	private int size;

	/**
	 * Creates a recorder.
	 * @param capacity how many executions to keep
	 * @param previewSize the most characters of argument and result previews, or {@code -1} to
	 * record none
	 */
	public ConvexExecutionRecorder(int capacity, int previewSize) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive, not " + capacity);
		}
		this.executions = new Execution[capacity];
		this.previewSize = previewSize;
	}

	@Override
	public void onStop(ConvexObservationContext context) {
		Throwable error = context.getError();
		boolean previews = this.previewSize >= 0;
		ConvexOutcome outcome = context.getOutcome();
		Execution execution = new Execution(context.getKind().name().toLowerCase(Locale.ROOT), context.getPath(),
				outcome.value(), context.getDuration(), context.getStartTime(),
				(error != null) ? error.getMessage() : null,
				previews ? ValuePreview.of(context.getArguments(), this.previewSize) : null,
				(previews && outcome == ConvexOutcome.SUCCESS) ? ValuePreview.of(context.getResult(), this.previewSize)
						: null);
		synchronized (this.executions) {
			this.executions[this.next] = execution;
			this.next = (this.next + 1) % this.executions.length;
			this.size = Math.min(this.size + 1, this.executions.length);
		}
	}

	/**
	 * Returns the executions kept, the most recent first.
	 * @return the executions
	 */
	public List<Execution> executions() {
		synchronized (this.executions) {
			List<Execution> recent = new ArrayList<>(this.size);
			for (int i = 1; i <= this.size; i++) {
				recent.add(this.executions[Math.floorMod(this.next - i, this.executions.length)]);
			}
			return recent;
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ConvexObservationContext;
	}

	/**
	 * One execution, as the endpoint shows it.
	 *
	 * @param kind {@code action}, {@code mutation} or {@code query}
	 * @param function the function path
	 * @param outcome the outcome, a {@link ConvexOutcome#value()}
	 * @param duration how long it took
	 * @param time when it started
	 * @param error the failure's message, if it failed
	 * @param arguments a preview of the arguments, where previews are recorded
	 * @param result a preview of the result, where previews are recorded and it succeeded
	 */
	public record Execution(String kind, String function, String outcome, Duration duration, Instant time,
			@Nullable String error, @Nullable String arguments, @Nullable String result) {

	}

}
