package io.convexspring.test.server;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link FunctionHandler} where a TypeScript function would
 * {@code throw new ConvexError(data)}: an expected application error whose data reaches the
 * client as {@code errorData}, in the function's response or a query's {@code QueryFailed}.
 */
public final class ConvexErrorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable Object data;

	/**
	 * Creates the error.
	 * @param data the error's data: a string or any value the codec encodes
	 */
	public ConvexErrorException(@Nullable Object data) {
		super(String.valueOf(data), null, false, false);
		this.data = data;
	}

	/**
	 * Returns the data sent as {@code errorData}.
	 * @return the data
	 */
	public @Nullable Object data() {
		return this.data;
	}

}
