package io.convexspring.sample.demo;

import org.jspecify.annotations.Nullable;

import io.convexspring.test.server.ConvexErrorException;

/**
 * The demo's usual {@code ConvexError} data shape, {@code {code, message, ...details}}, so clients
 * can branch on a stable code and still show a readable message.
 */
final class ConvexErrors {

	private ConvexErrors() {
	}

	static ConvexErrorException of(String code, String message, @Nullable Object... detailNamesAndValues) {
		var data = ConvexValues.object("code", code, "message", message);
		data.putAll(ConvexValues.object(detailNamesAndValues));
		return new ConvexErrorException(data);
	}

}
