package io.convexspring.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.util.unit.DataSize;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what the HTTP layer reports into the {@link ConvexException} hierarchy: refusals by
 * status and the backend's {@code code}, transport failures by their cause's type. Never by a
 * message's text.
 */
final class Failures {

	private final String deployment;

	private final Duration connectTimeout;

	private final Map<FunctionKind, Duration> timeouts;

	private final DataSize maxResponseSize;

	private final JsonMapper mapper;

	Failures(String deployment, Duration connectTimeout, Map<FunctionKind, Duration> timeouts,
			DataSize maxResponseSize, JsonMapper mapper) {
		this.deployment = deployment;
		this.connectTimeout = connectTimeout;
		this.timeouts = timeouts;
		this.maxResponseSize = maxResponseSize;
		this.mapper = mapper;
	}

	/** A response with a status other than 200 and 560. */
	ConvexHttpException refusal(FunctionKind kind, String path, int status, byte[] body) {
		return refusal(kind, path, status, body, null);
	}

	/** A response with a status other than 200 and 560, and its {@code Retry-After} header. */
	ConvexHttpException refusal(FunctionKind kind, String path, int status, byte[] body,
			@Nullable String retryAfterHeader) {
		String code = null;
		String message = null;
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if (value == JsonToken.VALUE_STRING && name.equals("code")) {
						code = parser.getString();
					}
					else if (value == JsonToken.VALUE_STRING && name.equals("message")) {
						message = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
		}
		catch (JacksonException ex) {
			// not the backend's JSON (an empty 408, a proxy's page): the status alone says it
		}
		if (status == 401 || status == 403) {
			return new ConvexAuthenticationException(kind, path, status, code, message);
		}
		return new ConvexHttpException(kind, path, status, code, message, retryAfter(retryAfterHeader));
	}

	/** {@code Retry-After} in seconds or as an HTTP date; anything else is ignored. */
	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not seconds: an HTTP date
		}
		try {
			java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value,
					java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	/** The call's deadline passed before its outcome was read. */
	ConvexTimeoutException deadline(FunctionKind kind, String path, Duration deadline, boolean ownTimeout) {
		String setting = ownTimeout ? "the reference's withTimeout"
				: "convex." + kind.name().toLowerCase(Locale.ROOT) + ".timeout";
		return new ConvexTimeoutException(kind, path, "no outcome from " + this.deployment + " (" + setting + ")",
				deadline, null);
	}

	/** An error from the exchange that is not already a {@link ConvexException}. */
	ConvexException transport(FunctionKind kind, String path, Throwable failure) {
		if (failure instanceof ConvexException convex) {
			return convex;
		}
		Throwable notBuilt = connectorBuildFailure(failure);
		if (notBuilt != null) {
			return clientNotBuilt(kind, path, notBuilt, failure);
		}
		Throwable cause = rootCause(failure);
		if (failure instanceof DataBufferLimitException || cause instanceof DataBufferLimitException) {
			return new ConvexResponseTooLargeException(kind, path, this.maxResponseSize, failure);
		}
		if (cause instanceof ConnectTimeoutException) {
			// no connection, so nothing was sent
			return new ConvexTimeoutException(kind, path, "could not connect to " + this.deployment,
					this.connectTimeout, true, failure);
		}
		if (isPoolRefusal(cause)) {
			// the pool refused to hand out a connection, so nothing was sent
			return new ConvexTransportException(kind, path,
					"no connection to " + this.deployment + " was free (" + describe(cause)
							+ "); see convex.http.max-connections and convex.http.pending-acquire-*",
					true, failure);
		}
		if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
			return new ConvexTimeoutException(kind, path, "no response from " + this.deployment,
					this.timeouts.get(kind), failure);
		}
		if (cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException) {
			return new ConvexTransportException(kind, path,
					"could not connect to " + this.deployment + " (" + cause.getClass().getSimpleName() + ": "
							+ cause.getMessage() + ")",
					true, failure);
		}
		if (cause instanceof PrematureCloseException) {
			return new ConvexTransportException(kind, path,
					"the connection to " + this.deployment + " closed before the response was complete", false,
					failure);
		}
		return new ConvexTransportException(kind, path,
				"the call to " + this.deployment + " failed (" + describe(cause) + ")", false, failure);
	}

	/**
	 * The HTTP client the call needed could not be built on its first use, so nothing was sent.
	 * @param why what the build threw
	 * @param failure what the call failed with (the same, or what carried it)
	 */
	ConvexTransportException clientNotBuilt(FunctionKind kind, String path, Throwable why, Throwable failure) {
		return new ConvexTransportException(kind, path,
				"could not build the HTTP client for " + this.deployment + " (" + describe(why) + ")", true, failure);
	}

	/** What a lazily built connector threw, if that is what ended the exchange. */
	private static @Nullable Throwable connectorBuildFailure(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof ConnectorBuildException) {
				return (cause.getCause() != null) ? cause.getCause() : cause;
			}
		}
		return null;
	}

	/**
	 * Reactor Netty's pool refusals (queue full, no connection within the wait, pool closed), named by their
	 * class: the classes live in a shaded, internal package.
	 */
	private static boolean isPoolRefusal(Throwable cause) {
		String name = cause.getClass().getName();
		return name.endsWith(".pool.PoolAcquirePendingLimitException")
				|| name.endsWith(".pool.PoolAcquireTimeoutException") || name.endsWith(".pool.PoolShutdownException");
	}

	private static String describe(Throwable cause) {
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static Throwable rootCause(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable cause = failure;
		while (cause.getCause() != null && seen.add(cause)) {
			if (cause instanceof DataBufferLimitException) {
				return cause;
			}
			cause = cause.getCause();
		}
		return cause;
	}

}
