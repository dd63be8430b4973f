package io.convexspring.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to a {@link DemoConvexBackend} over real HTTP with the JDK client, building the wire form
 * by hand so the tests check the protocol, not the demo's own codec.
 */
final class DemoHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CLIENT = "java-spring-0.1.0-SNAPSHOT";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUrl;

	DemoHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Calls a function as the npm client does and returns the 200 body. */
	JsonNode call(String kind, String path, Map<String, ?> args) {
		HttpResponse<String> response = post(kind, requestBody(path, List.of(args)), "Content-Type",
				"application/json", "Convex-Client", CLIENT);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return JSON.readTree(response.body());
	}

	CompletableFuture<HttpResponse<String>> callAsync(String kind, String path, Map<String, ?> args) {
		return this.client.sendAsync(request(kind, requestBody(path, List.of(args)), "Content-Type",
				"application/json", "Convex-Client", CLIENT), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String kind, String body, String... headers) {
		return send(request(kind, body, headers));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build());
	}

	static String requestBody(String path, Object args) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("path", path);
		body.put("args", args);
		body.put("format", "convex_encoded_json");
		return JSON.writeValueAsString(body);
	}

	static Map<String, String> int64(long value) {
		byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
		return Map.of("$integer", Base64.getEncoder().encodeToString(bytes));
	}

	static long int64(JsonNode node) {
		assertThat(node.has("$integer")).as("an int64 on the wire: %s", node).isTrue();
		byte[] bytes = Base64.getDecoder().decode(node.get("$integer").stringValue());
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

	static Map<String, String> bytes(byte[] value) {
		return Map.of("$bytes", Base64.getEncoder().encodeToString(value));
	}

	/** The payload of a {@code data:<type>;base64,<payload>} URL. */
	static String dataUrlText(String url, String mediaType) {
		String prefix = "data:" + mediaType + ";base64,";
		assertThat(url).startsWith(prefix);
		return new String(Base64.getDecoder().decode(url.substring(prefix.length())), StandardCharsets.UTF_8);
	}

	private HttpRequest request(String kind, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/" + kind))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
