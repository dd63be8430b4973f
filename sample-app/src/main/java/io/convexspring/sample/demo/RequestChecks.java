package io.convexspring.sample.demo;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks the backend makes on a function call before the function runs. Each refuses with
 * a {@link RequestRejectedException} carrying the HTTP status and code the real backend sends, so
 * a client's handling of them can be tried against the demo.
 */
final class RequestChecks {

	/** {@code <name>-<semver>}: the name may hold dashes, the version a pre-release or build suffix. */
	private static final Pattern CLIENT = Pattern.compile(".+-\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");

	private RequestChecks() {
	}

	static void headers(Headers headers) {
		String contentType = headers.getFirst("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new RequestRejectedException(400, "BadJsonBody",
					"Expected request with `Content-Type: application/json`, got " + contentType);
		}
		String client = headers.getFirst("Convex-Client");
		if (client == null || !CLIENT.matcher(client).matches()) {
			throw new RequestRejectedException(400, "InvalidClientVersion",
					"Convex-Client header must be <name>-<semver>, got '" + client + "'");
		}
		String authorization = headers.getFirst("Authorization");
		if (authorization != null) {
			authorization(authorization.trim());
		}
	}

	private static void authorization(String header) {
		int space = header.indexOf(' ');
		String scheme = (space < 0) ? header : header.substring(0, space);
		String credential = (space < 0) ? "" : header.substring(space + 1).trim();
		if (scheme.equalsIgnoreCase("Bearer") && !credential.isEmpty()) {
			// Any token is a valid identity in the demo, except the one that plays an expired JWT.
			if (credential.equals("expired")) {
				throw new RequestRejectedException(401, "TokenExpired", "The auth token has expired; fetch a new one");
			}
		}
		else if (scheme.equalsIgnoreCase("Convex") && !credential.isEmpty()) {
			// An admin key may carry ":<identity>" to act as a user; only the key part is checked.
			if (credential.split(":", 2)[0].equals("bad-key")) {
				throw new RequestRejectedException(403, "BadDeployKey",
						"The provided deploy key is invalid for deployment 'demo'");
			}
		}
		else {
			throw new RequestRejectedException(401, "InvalidAuthHeader",
					"Authorization header must be 'Bearer <token>' or 'Convex <deploy key>'");
		}
	}

	static void format(@Nullable JsonNode format) {
		// Lenient where the backend is not: a missing format means the lossless one.
		if (format != null && !"convex_encoded_json".equals(format.stringValue(null))) {
			throw new RequestRejectedException(400, "BadFormat",
					"Unsupported format " + format + "; the demo backend speaks only convex_encoded_json");
		}
	}

	static FunctionPath path(@Nullable JsonNode path) {
		if (path == null || !path.isString()) {
			throw new RequestRejectedException(400, "BadJsonBody", "missing field `path`");
		}
		try {
			return FunctionPath.parse(path.stringValue());
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRejectedException(400, "BadConvexFunctionIdentifier", ex.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, @Nullable Object> args(@Nullable JsonNode args) {
		// The npm client wraps the arguments in a one-element array; a bare object is fine too.
		JsonNode object = (args != null && args.isArray() && args.size() == 1) ? args.get(0) : args;
		if (object == null) {
			return Map.of();
		}
		Object decoded;
		try {
			decoded = ConvexValues.decode(object);
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRejectedException(400, "BadJsonBody", "Invalid convex_encoded_json in args: " + ex.getMessage());
		}
		if (!(decoded instanceof Map<?, ?>)) {
			throw new RequestRejectedException(400, "BadJsonBody", "args must be an object or [object], got " + args);
		}
		return (Map<String, @Nullable Object>) decoded;
	}

}
