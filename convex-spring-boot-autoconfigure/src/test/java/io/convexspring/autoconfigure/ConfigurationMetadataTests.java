package io.convexspring.autoconfigure;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json}: every {@code convex.*}
 * property is there, with a description.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(metadata.get("properties")).isNotEmpty();
		for (JsonNode property : metadata.get("properties")) {
			assertThat(property.path("description").asString("")).as(property.get("name").asString()).isNotBlank();
		}
		assertThat(defaultOf(metadata, "convex.connect-timeout"))
			.isEqualTo(ConvexTransport.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s");
		assertThat(defaultOf(metadata, "convex.action.timeout"))
			.isEqualTo(ConvexTransport.DEFAULT_ACTION_TIMEOUT.toMinutes() + "m");
		assertThat(defaultOf(metadata, "convex.query.timeout"))
			.isEqualTo(ConvexTransport.DEFAULT_FUNCTION_TIMEOUT.toSeconds() + "s");
		assertThat(defaultOf(metadata, "convex.http.max-connections")).isEqualTo("500");
		assertThat(defaultOf(metadata, "convex.max-response-size"))
			.isEqualTo(ConvexTransport.DEFAULT_MAX_RESPONSE_SIZE.toMegabytes() + "MB");
		assertThat(metadata.get("properties").findValuesAsString("name")).contains("convex.url", "convex.deploy-key",
				"convex.logging", "convex.connect-timeout", "convex.response-timeout", "convex.max-response-size",
				"convex.mutation.timeout", "convex.http.pending-acquire-max-count", "convex.http.pending-acquire-timeout",
				"convex.http.max-idle-time", "convex.http.max-life-time", "convex.http.evict-in-background",
				"convex.http.action-max-connections", "convex.ssl.bundle", "convex.skip-deployment-url-check");
	}

	private static String defaultOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property.path("defaultValue").asString("");
			}
		}
		throw new AssertionError("no metadata for " + name);
	}

}
