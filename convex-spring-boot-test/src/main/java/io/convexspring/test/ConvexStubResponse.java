package io.convexspring.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.test.server.FunctionCall;

/**
 * What a {@link ConvexStub} answers an expected call with; made by {@link ConvexStubResponses}.
 * Immutable: {@link #after(Duration)} returns a delayed copy.
 */
public final class ConvexStubResponse {

	private final String description;

	private final Answer answer;

	private final Duration delay;

	ConvexStubResponse(String description, Answer answer) {
		this(description, answer, Duration.ZERO);
	}

	private ConvexStubResponse(String description, Answer answer, Duration delay) {
		this.description = description;
		this.answer = answer;
		this.delay = delay;
	}

	/**
	 * Returns this response, given only after a delay: a slow function, for timeouts and
	 * pending states. The delay runs on the stub's worker thread, never the client's.
	 * @param delay how long to wait before answering
	 * @return a delayed copy
	 */
	public ConvexStubResponse after(Duration delay) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative: " + delay);
		}
		return new ConvexStubResponse(this.description, this.answer, delay);
	}

	@Nullable Object respond(FunctionCall call, ConvexCodec codec) throws Exception {
		if (!this.delay.isZero()) {
			Thread.sleep(this.delay.toMillis());
		}
		return this.answer.answer(call, codec);
	}

	/** Computes the answer, encoding values with the app's codec. */
	@FunctionalInterface
	interface Answer {

		@Nullable Object answer(FunctionCall call, ConvexCodec codec) throws Exception;

	}

	@Override
	public String toString() {
		return this.description + (this.delay.isZero() ? "" : " after " + this.delay);
	}

}
