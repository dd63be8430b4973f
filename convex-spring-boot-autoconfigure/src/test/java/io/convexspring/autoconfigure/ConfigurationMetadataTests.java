package io.convexspring.autoconfigure;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
		assertThat(metadata.get("properties").findValuesAsString("name")).contains("convex.url", "convex.deploy-key",
				"convex.logging", "convex.connect-timeout", "convex.response-timeout", "convex.max-response-size");
	}

}
