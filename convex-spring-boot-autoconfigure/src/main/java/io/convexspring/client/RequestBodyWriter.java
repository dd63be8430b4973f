package io.convexspring.client;

import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;

/**
 * Writes the request body of a function call straight to bytes:
 * {@code {"path":..., "args":[{...}], "format":"convex_encoded_json"}}. The one place that
 * builds requests.
 */
final class RequestBodyWriter {

	private final ConvexCodec codec;

	RequestBodyWriter(ConvexCodec codec) {
		this.codec = codec;
	}

	byte[] write(FunctionKind kind, String path, @Nullable Object args) {
		checkIsObject(kind, path, args);
		try (ByteArrayBuilder out = new ByteArrayBuilder(256);
				JsonGenerator generator = this.codec.mapper().createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("path", path);
			generator.writeName("args");
			generator.writeStartArray();
			// where the arguments start, without flushing the generator mid-request
			int argsStart = out.size() + generator.streamWriteOutputBuffered();
			if (args == null) {
				generator.writeStartObject();
				generator.writeEndObject();
			}
			else {
				this.codec.write(generator, args);
			}
			generator.writeEndArray();
			generator.writeStringProperty("format", "convex_encoded_json");
			generator.writeEndObject();
			generator.flush();
			byte[] body = out.toByteArray();
			if (args != null && !startsAnObject(body, argsStart)) {
				// a type Jackson writes as a scalar or an array: a UUID, a @JsonValue, a JsonNode
				throw notAnObject(kind, path, args);
			}
			return body;
		}
		catch (ConvexValueException ex) {
			throw new ConvexArgumentException(kind, path, ex);
		}
	}

	private static void checkIsObject(FunctionKind kind, String path, @Nullable Object args) {
		if (args instanceof CharSequence || args instanceof Number || args instanceof Boolean
				|| args instanceof Character || args instanceof Collection || args instanceof Optional
				|| args instanceof Enum || (args != null && args.getClass().isArray())) {
			throw notAnObject(kind, path, args);
		}
	}

	private static boolean startsAnObject(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			byte b = body[i];
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return b == '{';
			}
		}
		return false;
	}

	private static ConvexArgumentException notAnObject(FunctionKind kind, String path, Object args) {
		return new ConvexArgumentException(kind, path, "",
				"Convex arguments are an object (a record, a bean or a Map), not a " + args.getClass().getName(), null);
	}

}
