package io.convexspring.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.ConvexTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app, started as a user starts it (no convex.url), answering through the embedded
 * demo backend, and saying so.
 */
@SampleAppTest
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConvexTransport transport;

	@Test
	void startsOnTheDemoBackendWhenNoUrlIsSet() {
		assertThat(this.transport.deploymentUrl().getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void backendEndpointNamesTheDemoBackendAndItsUrl() {
		ResponseEntity<JsonNode> response = new SampleHttp(this.port).get("/api/backend");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().get("kind").stringValue()).isEqualTo("demo");
		assertThat(response.getBody().get("url").stringValue()).isEqualTo(this.transport.deploymentUrl().toString());
	}

	@Test
	void servesThePageWithItsScriptAndStyles() {
		SampleHttp http = new SampleHttp(this.port);
		assertThat(http.getText("/").getBody()).contains("<title>Convex Spring Boot sample</title>", "app.js", "app.css");
		assertThat(http.getText("/app.js").getStatusCode().value()).isEqualTo(200);
		assertThat(http.getText("/app.css").getStatusCode().value()).isEqualTo(200);
	}

}
