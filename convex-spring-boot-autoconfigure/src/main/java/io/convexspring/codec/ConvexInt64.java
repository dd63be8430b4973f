package io.convexspring.codec;

/**
 * A Convex int64 ({@code v.int64()}), for values that must travel as {@code $integer} rather
 * than as the default float64.
 *
 * <p>Java numbers go to Convex as float64 ({@code v.number()}). Wrap a value in this type, or
 * annotate the field with {@link Int64 @Int64}, where the Convex validator is
 * {@code v.int64()}. Like convex-py's {@code ConvexInt64}.
 *
 * @param value the 64-bit value
 */
public record ConvexInt64(long value) {

	/**
	 * Wraps a long as a Convex int64.
	 * @param value the value
	 * @return the int64
	 */
	public static ConvexInt64 of(long value) {
		return new ConvexInt64(value);
	}

}
