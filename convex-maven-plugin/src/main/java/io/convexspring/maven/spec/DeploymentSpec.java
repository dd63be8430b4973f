package io.convexspring.maven.spec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the function spec from a deployment, as {@code npx convex function-spec} does: the
 * system query {@code _system/cli/modules:apiSpec}, with the deploy key. The live spec has its
 * object fields sorted, and there is no schema export.
 */
public final class DeploymentSpec {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String url;

	private final @Nullable String deployKey;

	/**
	 * Creates the reader.
	 * @param url the deployment's URL
	 * @param deployKey its deploy key (admin access), or {@code null}
	 */
	public DeploymentSpec(String url, @Nullable String deployKey) {
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.deployKey = deployKey;
	}

	/**
	 * Reads the spec.
	 * @return the spec text, and no schema
	 * @throws SpecException when the deployment cannot be reached or refuses; the message never
	 * holds the deploy key
	 */
	public OfflineSpec.Texts read() {
		if (this.deployKey == null || this.deployKey.isBlank()) {
			throw new SpecException("reading the spec from " + this.url
					+ " needs its deploy key: set convex.deployKey or CONVEX_DEPLOY_KEY");
		}
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(this.url + "/api/query"))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.header("Authorization", "Convex " + this.deployKey)
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
						Map.of("path", "_system/cli/modules:apiSpec", "args", Map.of(), "format", "json"))))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new SpecException("convex.url is no URL: " + this.url, ex);
		}
		HttpResponse<String> response;
		try {
			response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(request,
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SpecException("cannot reach " + this.url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SpecException("interrupted while reading the spec from " + this.url, ex);
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new SpecException(this.url + " answered HTTP " + response.statusCode() + " without JSON", ex);
		}
		if (response.statusCode() != 200 || !"success".equals(body.path("status").asString(""))) {
			String message = body.path("errorMessage").asString(body.path("message").asString(""));
			throw new SpecException(this.url + " refused the spec query (HTTP " + response.statusCode() + "): "
					+ message);
		}
		ObjectNode spec = JSON.createObjectNode();
		spec.put("url", this.url);
		spec.set("functions", body.path("value"));
		return new OfflineSpec.Texts(PrettyJson.write(spec), null);
	}

}
