package io.convexspring.sample.demo;

import org.jspecify.annotations.Nullable;

/**
 * What a demo function throws where a TypeScript function would {@code throw new ConvexError(data)}:
 * an expected application error whose data reaches the client as {@code errorData}.
 */
final class ConvexErrorException extends RuntimeException {

	private final @Nullable Object data;

	ConvexErrorException(@Nullable Object data) {
		super(ConvexValues.render(data), null, false, false);
		this.data = data;
	}

	/**
	 * The demo's usual error shape, {@code {code, message, ...details}}, so clients can branch on
	 * a stable code and still show a readable message.
	 */
	static ConvexErrorException of(String code, String message, @Nullable Object... detailNamesAndValues) {
		var data = ConvexValues.object("code", code, "message", message);
		data.putAll(ConvexValues.object(detailNamesAndValues));
		return new ConvexErrorException(data);
	}

	@Nullable Object data() {
		return this.data;
	}

}
