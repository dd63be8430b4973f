package io.convexspring.test.server;

import java.util.Locale;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;

/**
 * The checks the backend makes on an HTTP function call before the function runs. Each refuses
 * with a {@link RequestRefusedException} carrying the status and code the real backend sends, so
 * a client's handling of them can be tried against the local deployment.
 */
final class RequestChecks {

	/** {@code <name>-<semver>}: the name may hold dashes, the version a pre-release or build suffix. */
	private static final Pattern CLIENT = Pattern.compile(".+-\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");

	private RequestChecks() {
	}

	static void headers(HttpHeaders headers) {
		String contentType = headers.get("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new RequestRefusedException(400, "BadJsonBody",
					"Expected request with `Content-Type: application/json`, got " + contentType);
		}
		String client = headers.get("Convex-Client");
		if (client == null || !CLIENT.matcher(client).matches()) {
			throw new RequestRefusedException(400, "InvalidClientVersion",
					"Convex-Client header must be <name>-<semver>, got '" + client + "'");
		}
	}

	/** Who the call runs as, from the {@code Authorization} header; the verifier then decides. */
	static Identity identity(@Nullable String header) {
		if (header == null) {
			return Identity.anonymous();
		}
		String trimmed = header.trim();
		int space = trimmed.indexOf(' ');
		String scheme = (space < 0) ? trimmed : trimmed.substring(0, space);
		String credential = (space < 0) ? "" : trimmed.substring(space + 1).trim();
		if (scheme.equalsIgnoreCase("Bearer") && !credential.isEmpty()) {
			return Identity.user(credential);
		}
		if (scheme.equalsIgnoreCase("Convex") && !credential.isEmpty()) {
			return Identity.admin(credential);
		}
		throw new RequestRefusedException(401, "InvalidAuthHeader",
				"Authorization header must be 'Bearer <token>' or 'Convex <deploy key>'");
	}

	static void format(@Nullable JsonNode format) {
		// Lenient where the backend is not: a missing format means the lossless one.
		if (format != null && !"convex_encoded_json".equals(format.stringValue(null))) {
			throw new RequestRefusedException(400, "BadFormat",
					"Unsupported format " + format + "; this deployment speaks only convex_encoded_json");
		}
	}

	static String path(@Nullable JsonNode path) {
		if (path == null || !path.isString()) {
			throw new RequestRefusedException(400, "BadJsonBody", "missing field `path`");
		}
		try {
			return FunctionPaths.canonical(path.stringValue());
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRefusedException(400, "BadConvexFunctionIdentifier", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The arguments object, decoded losslessly. The npm client wraps it in a one-element array; a
	 * bare object is fine too; none means {@code {}}.
	 */
	static JsonNode args(@Nullable JsonNode args, ConvexCodec codec) {
		JsonNode object = (args != null && args.isArray() && args.size() == 1) ? args.get(0) : args;
		if (object == null || (object.isArray() && object.isEmpty())) {
			return codec.mapper().createObjectNode();
		}
		if (!object.isObject()) {
			throw new RequestRefusedException(400, "BadJsonBody", "args must be an object or [object], got " + args);
		}
		JsonNode decoded;
		try {
			decoded = codec.treeFromWireJson(object.toString());
		}
		catch (ConvexValueException ex) {
			throw new RequestRefusedException(400, "BadJsonBody",
					"Invalid convex_encoded_json in args: " + ex.getMessage());
		}
		if (!decoded.isObject()) {
			throw new RequestRefusedException(400, "BadJsonBody", "args must be an object or [object], got " + args);
		}
		return decoded;
	}

}
