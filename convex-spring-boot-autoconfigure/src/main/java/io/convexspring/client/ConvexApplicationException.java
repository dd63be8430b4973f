package io.convexspring.client;

import java.lang.reflect.Type;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;

/**
 * The function threw a {@code ConvexError}: an application error whose data is the
 * application's own (a string or any value), kept even where production deployments redact
 * other errors. Like the JavaScript client, the message is the data itself when it is a string,
 * else the data as JSON.
 */
public final class ConvexApplicationException extends ConvexFunctionException {

	private final JsonNode data;

	private final transient @Nullable ConvexCodec codec;

	/**
	 * Creates the exception.
	 * @param kind the function kind
	 * @param path the function path
	 * @param data the error data, as decoded by {@link ConvexCodec#readTree}
	 * @param serverMessage the server's {@code errorMessage}
	 * @param logLines the function's log lines
	 * @param codec the codec to convert the data with; {@code null} for a default one
	 */
	public ConvexApplicationException(FunctionKind kind, String path, JsonNode data, @Nullable String serverMessage,
			List<String> logLines, @Nullable ConvexCodec codec) {
		this(kind, path, data, serverMessage, logLines, codec, 200);
	}

	ConvexApplicationException(FunctionKind kind, String path, JsonNode data, @Nullable String serverMessage,
			List<String> logLines, @Nullable ConvexCodec codec, int httpStatus) {
		super(kind, path, ErrorDataText.of(data), code(data), serverMessage, logLines, httpStatus);
		this.data = data;
		this.codec = codec;
	}

	private static @Nullable String code(JsonNode data) {
		JsonNode code = data.get("code");
		return (code != null && code.isString()) ? code.stringValue() : null;
	}

	/**
	 * Returns the error data as a tree (int64 as long nodes, bytes as binary nodes).
	 * @return the data
	 */
	public JsonNode data() {
		return this.data;
	}

	/**
	 * Converts the error data to an application type.
	 * @param <T> the type
	 * @param type the type, e.g. a record with the data's fields
	 * @return the data as that type
	 * @throws ConvexResultException if the data does not fit the type
	 */
	public <T> T data(Class<T> type) {
		return convert(type);
	}

	/**
	 * Converts the error data to a generic application type.
	 * @param <T> the type
	 * @param type the type
	 * @return the data as that type
	 * @throws ConvexResultException if the data does not fit the type
	 */
	public <T> T data(ParameterizedTypeReference<T> type) {
		return convert(type.getType());
	}

	private <T> T convert(Type type) {
		ConvexCodec converter = (this.codec != null) ? this.codec : ConvexCodec.create();
		try {
			return converter.convert(this.data, type);
		}
		catch (io.convexspring.codec.ConvexValueException ex) {
			throw new ConvexResultException(functionKind(), functionPath(), "its ConvexError data", ex);
		}
	}

	@Override
	public String toString() {
		return getClass().getName() + ": " + describe(functionKind(), functionPath()) + " threw ConvexError: "
				+ getMessage();
	}

}
