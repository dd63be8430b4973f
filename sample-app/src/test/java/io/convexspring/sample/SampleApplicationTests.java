package io.convexspring.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.convexspring.client.ConvexTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app, started as a user starts it (no convex.url), answering through the embedded
 * demo backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private ConvexTransport transport;

	@Test
	void startsOnTheDemoBackendWhenNoUrlIsSet() {
		assertThat(this.transport.deploymentUrl().getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void sendingAnEmailAnswersTheActionsResult() {
		ResponseEntity<Map<String, Object>> response = post("/api/emails",
				Map.of("to", "ada@example.com", "subject", "Welcome!", "body", "Thanks for signing up."));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("to", "ada@example.com").containsEntry("status", "sent");
		assertThat((String) response.getBody().get("id")).startsWith("email_");
		assertThat(((Number) response.getBody().get("sentAt")).longValue()).isPositive();
	}

	@Test
	void anInvalidAddressAnswersTheConvexErrorsMessage() {
		ResponseEntity<Map<String, Object>> response = post("/api/emails",
				Map.of("to", "not-an-address", "subject", "Hi", "body", "Hello"));
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody()).containsEntry("code", "INVALID_EMAIL")
			.containsEntry("function", "emails:send");
		assertThat((String) response.getBody().get("detail")).contains("Invalid email address: not-an-address");
	}

	private ResponseEntity<Map<String, Object>> post(String path, Object body) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(JSON);
	}

}
