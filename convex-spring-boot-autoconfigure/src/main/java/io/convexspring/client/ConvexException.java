package io.convexspring.client;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Root of every failure of a Convex call, each naming the function (kind and path). One sealed
 * hierarchy, so that a {@code switch} over it is exhaustive:
 * <ul>
 * <li>{@link ConvexFunctionException}: the function ran and failed (a {@code ConvexError}, or
 * any other failure);</li>
 * <li>{@link ConvexHttpException}: the backend refused the request over HTTP
 * ({@link ConvexAuthenticationException} for credentials);</li>
 * <li>{@link ConvexTransportException}: no usable answer (connection, timeout, a body that is
 * not the Convex envelope, oversize);</li>
 * <li>{@link ConvexArgumentException}: the arguments could not be sent, so nothing was;</li>
 * <li>{@link ConvexResultException}: the result does not fit the declared result type;</li>
 * <li>{@link ConvexCancelledException}: the caller gave up (interrupt, blocking timeout).</li>
 * </ul>
 * Never classify a failure by its message: use the type, {@link #code()} and
 * {@link #httpStatus()}.
 */
public abstract sealed class ConvexException extends RuntimeException permits ConvexFunctionException,
		ConvexHttpException, ConvexTransportException, ConvexArgumentException, ConvexResultException,
		ConvexCancelledException {

	private final FunctionKind functionKind;

	private final String functionPath;

	private final @Nullable String code;

	private final int httpStatus;

	private final List<String> logLines;

	ConvexException(FunctionKind functionKind, String functionPath, String message, @Nullable Throwable cause,
			@Nullable String code, int httpStatus, List<String> logLines) {
		super(message, cause);
		this.functionKind = functionKind;
		this.functionPath = functionPath;
		this.code = code;
		this.httpStatus = httpStatus;
		this.logLines = List.copyOf(logLines);
	}

	static String describe(FunctionKind kind, String path) {
		return kind.label() + " " + path;
	}

	/**
	 * Returns the kind of function that was called.
	 * @return the kind
	 */
	public FunctionKind functionKind() {
		return this.functionKind;
	}

	/**
	 * Returns the path of the function that was called, e.g. {@code emails:send}.
	 * @return the path
	 */
	public String functionPath() {
		return this.functionPath;
	}

	/**
	 * Returns the stable code of this failure, where there is one: the backend's {@code code}
	 * for an HTTP refusal (e.g. {@code TokenExpired}), or the {@code code} field of a
	 * {@code ConvexError}'s data (e.g. {@code CARD_DECLINED}).
	 * @return the code, if any
	 */
	public Optional<String> code() {
		return Optional.ofNullable(this.code);
	}

	/**
	 * Returns the HTTP status of the response this failure came with, if there was a response.
	 * @return the status, if any
	 */
	public OptionalInt httpStatus() {
		return (this.httpStatus > 0) ? OptionalInt.of(this.httpStatus) : OptionalInt.empty();
	}

	/**
	 * Returns the log lines the function printed before it failed, e.g. {@code [LOG] ...}.
	 * @return the log lines, possibly empty
	 */
	public List<String> logLines() {
		return this.logLines;
	}

	/**
	 * Whether the function is known not to have run, so repeating the call cannot repeat its
	 * effects: the request was refused before execution (400, 401, 403, 404, 429, 503), never
	 * left this process, or never reached the backend. {@code false} where it ran or may have.
	 * @return whether the function did not run
	 */
	public abstract boolean functionDidNotRun();

}
