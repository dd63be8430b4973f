package io.convexspring.codec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * Wire data that breaks the {@code convex_encoded_json} rules, found by {@link WireParser}
 * while binding; {@link ConvexCodec} turns it into a {@link ConvexValueException} of
 * {@link ConvexValueException.Problem#MALFORMED}.
 */
final class MalformedWireException extends StreamReadException {

	private static final long serialVersionUID = 1L;

	private final String wirePath;

	private final String reason;

	MalformedWireException(JsonParser parser, String wirePath, String reason) {
		super(parser, reason);
		this.wirePath = wirePath;
		this.reason = reason;
	}

	String wirePath() {
		return this.wirePath;
	}

	String reason() {
		return this.reason;
	}

}
