package io.convexspring.live;

import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;

/**
 * Encodes a call's arguments object once, to the JSON text every frame for it embeds (and
 * that tells subscriptions with equal arguments apart), refusing what Convex cannot take.
 */
final class Arguments {

	private Arguments() {
	}

	static String encode(ConvexCodec codec, FunctionKind kind, String path, @Nullable Object args) {
		if (args == null) {
			return "{}";
		}
		if (args instanceof CharSequence || args instanceof Number || args instanceof Boolean
				|| args instanceof Character || args instanceof Collection || args instanceof Optional
				|| args instanceof Enum || args.getClass().isArray()) {
			throw notAnObject(kind, path, args);
		}
		String json;
		try {
			json = codec.toWireJson(args);
		}
		catch (ConvexValueException ex) {
			throw new ConvexArgumentException(kind, path, ex.path(), ex.reason(), ex);
		}
		if (!json.startsWith("{")) {
			// a type Jackson writes as a scalar or an array: a UUID, a @JsonValue, a JsonNode
			throw notAnObject(kind, path, args);
		}
		return json;
	}

	private static ConvexArgumentException notAnObject(FunctionKind kind, String path, Object args) {
		return new ConvexArgumentException(kind, path, "",
				"Convex arguments are an object (a record, a bean or a Map), not a " + args.getClass().getName(), null);
	}

}
