package io.convexspring.test.server;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

/**
 * One call of a function on a {@link LocalConvexDeployment}, as a {@link FunctionHandler} sees
 * it: the canonical path, the kind it was called as, the decoded arguments, the caller's
 * identity, and a console whose lines go back to the client as {@code logLines} in the backend's
 * {@code [LEVEL] message} form. Used by one thread at a time.
 */
public final class FunctionCall {

	/** The backend keeps at most this many lines per call. */
	private static final int MAX_LOG_LINES = 256;

	private final String path;

	private final FunctionKind kind;

	private final JsonNode args;

	private final Identity identity;

	private final ConvexCodec codec;

	private final List<String> logLines = new ArrayList<>();

	FunctionCall(String path, FunctionKind kind, JsonNode args, Identity identity, ConvexCodec codec) {
		this.path = path;
		this.kind = kind;
		this.args = args;
		this.identity = identity;
		this.codec = codec;
	}

	/**
	 * Returns the function's canonical path, {@code module:function}.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns the kind the client called the function as.
	 * @return the kind
	 */
	public FunctionKind kind() {
		return this.kind;
	}

	/**
	 * Returns the arguments object as the codec's lossless tree: int64 values are
	 * {@link io.convexspring.codec.Int64Node}s, float64 values double nodes, bytes binary nodes.
	 * @return the arguments, an object node ({@code {}} when none were sent)
	 */
	public JsonNode args() {
		return this.args;
	}

	/**
	 * Binds the arguments to a class, as the client's codec binds results.
	 * @param <T> the type
	 * @param type a record, bean or {@code Map}
	 * @return the arguments
	 * @throws ArgumentValidationException when they do not fit the type
	 */
	public <T> T args(Class<T> type) {
		return args((Type) type);
	}

	/**
	 * Binds the arguments to a generic type, as the client's codec binds results.
	 * @param <T> the type
	 * @param type the type, such as {@code new TypeReference<Map<String, Long>>() {}.getType()}
	 * @return the arguments
	 * @throws ArgumentValidationException when they do not fit the type
	 */
	public <T> T args(Type type) {
		try {
			T value = this.codec.convert(this.args, type);
			if (value == null) {
				throw new ArgumentValidationException("Expected an arguments object, got null");
			}
			return value;
		}
		catch (io.convexspring.codec.ConvexValueException ex) {
			throw new ArgumentValidationException(String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * Returns who the call runs as.
	 * @return the identity
	 */
	public Identity identity() {
		return this.identity;
	}

	/**
	 * Returns the codec the deployment encodes and decodes with.
	 * @return the codec
	 */
	public ConvexCodec codec() {
		return this.codec;
	}

	/**
	 * Logs like {@code console.log}: a {@code [LOG]} line.
	 * @param message the message
	 */
	public void log(String message) {
		add("LOG", message);
	}

	/**
	 * Logs like {@code console.info}: an {@code [INFO]} line.
	 * @param message the message
	 */
	public void info(String message) {
		add("INFO", message);
	}

	/**
	 * Logs like {@code console.warn}: a {@code [WARN]} line.
	 * @param message the message
	 */
	public void warn(String message) {
		add("WARN", message);
	}

	/**
	 * Logs like {@code console.error}: an {@code [ERROR]} line.
	 * @param message the message
	 */
	public void error(String message) {
		add("ERROR", message);
	}

	/**
	 * Returns the lines logged so far.
	 * @return the log lines, oldest first
	 */
	public List<String> logLines() {
		return List.copyOf(this.logLines);
	}

	private void add(String level, String message) {
		if (this.logLines.size() < MAX_LOG_LINES) {
			this.logLines.add("[" + level + "] " + message);
		}
	}

	@Override
	public String toString() {
		return "FunctionCall[" + this.kind.label() + " " + this.path + " as " + this.identity + "]";
	}

}
