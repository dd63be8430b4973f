package io.convexspring.test;

/**
 * How many times an expected function call may arrive, like {@code ExpectedCount} of Spring's
 * {@code MockRestServiceServer}: {@link #once()} unless said otherwise.
 */
public final class ExpectedCalls {

	private final int min;

	private final int max;

	private ExpectedCalls(int min, int max) {
		if (min < 0 || max < min) {
			throw new IllegalArgumentException("Not a range of calls: " + min + " to " + max);
		}
		this.min = min;
		this.max = max;
	}

	/**
	 * Exactly one call.
	 * @return the count
	 */
	public static ExpectedCalls once() {
		return new ExpectedCalls(1, 1);
	}

	/**
	 * Exactly {@code count} calls.
	 * @param count how many
	 * @return the count
	 */
	public static ExpectedCalls times(int count) {
		return new ExpectedCalls(count, count);
	}

	/**
	 * At least {@code count} calls, with no upper bound.
	 * @param count how many at least
	 * @return the count
	 */
	public static ExpectedCalls atLeast(int count) {
		return new ExpectedCalls(count, Integer.MAX_VALUE);
	}

	/**
	 * Between {@code min} and {@code max} calls.
	 * @param min how many at least
	 * @param max how many at most
	 * @return the count
	 */
	public static ExpectedCalls between(int min, int max) {
		return new ExpectedCalls(min, max);
	}

	/**
	 * Any number of calls, none included: for a query that a page or a live subscription runs
	 * again and again.
	 * @return the count
	 */
	public static ExpectedCalls manyTimes() {
		return new ExpectedCalls(0, Integer.MAX_VALUE);
	}

	/**
	 * No call: a call that matches fails the test as unexpected.
	 * @return the count
	 */
	public static ExpectedCalls never() {
		return new ExpectedCalls(0, 0);
	}

	boolean satisfiedBy(int calls) {
		return calls >= this.min && calls <= this.max;
	}

	boolean allowsAnother(int calls) {
		return calls < this.max;
	}

	@Override
	public String toString() {
		if (this.min == this.max) {
			return (this.min == 1) ? "once" : (this.min == 0) ? "never" : this.min + " times";
		}
		if (this.max == Integer.MAX_VALUE) {
			return (this.min == 0) ? "any number of times" : "at least " + this.min + " times";
		}
		return this.min + " to " + this.max + " times";
	}

}
