package io.convexspring.sample.email;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/emails}: the action's receipt, a refused request, and the provider's failure.
 */
@SampleAppTest
class EmailControllerTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void sendingAnEmailAnswersTheActionsReceipt() {
		ResponseEntity<JsonNode> response = send("ada@example.com", "Welcome!");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode receipt = response.getBody();
		assertThat(receipt.get("to").stringValue()).isEqualTo("ada@example.com");
		assertThat(receipt.get("status").stringValue()).isEqualTo("sent");
		assertThat(receipt.get("id").stringValue()).matches("email_[0-9a-f]{12}");
		assertThat(receipt.get("sentAt").longValue()).isPositive();
	}

	@Test
	void aMalformedAddressIsRefusedBeforeAnyCallWithTheFieldAndReason() {
		ResponseEntity<JsonNode> response = send("not-an-address", "Hi");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue()).isEqualTo("to: must be a well-formed email address");
	}

	@Test
	void everyBrokenConstraintIsListed() {
		ResponseEntity<JsonNode> response = send("", " ");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue())
			.isEqualTo("subject: must not be blank; to: must not be blank");
	}

	@Test
	void aProviderOutageIsABadGatewayWithTheFunctionsMessage() {
		ResponseEntity<JsonNode> response = send("ops@fail.example", "Hi");
		assertThat(response.getStatusCode().value()).isEqualTo(502);
		JsonNode problem = response.getBody();
		assertThat(problem.get("title").stringValue()).isEqualTo("Convex action emails:send failed");
		assertThat(problem.get("function").stringValue()).isEqualTo("emails:send");
		assertThat(problem.get("detail").stringValue()).contains("Uncaught Error: Email provider unavailable (HTTP 503)");
		assertThat(problem.has("code")).isFalse();
		assertThat(problem.has("data")).isFalse();
	}

	private ResponseEntity<JsonNode> send(String to, String subject) {
		return this.http.postJson("/api/emails",
				"{\"to\":\"" + to + "\",\"subject\":\"" + subject + "\",\"body\":\"Thanks for signing up.\"}");
	}

}
