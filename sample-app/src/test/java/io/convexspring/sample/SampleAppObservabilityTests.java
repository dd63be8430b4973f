package io.convexspring.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's observability, as an operator sees it: Convex executions in Prometheus, the
 * deployment in the health endpoint, and the most recent executions in {@code /actuator/convex}.
 */
@SampleAppTest
class SampleAppObservabilityTests {

	@LocalServerPort
	private int port;

	private ResponseEntity<JsonNode> sendEmail(SampleHttp http) {
		ResponseEntity<JsonNode> response = http.postJson("/api/emails",
				"{\"to\":\"ada@example.com\",\"subject\":\"Welcome!\",\"body\":\"Hello Ada\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response;
	}

	@Test
	void prometheusCountsEachExecutionByFunctionAndOutcome() {
		SampleHttp http = new SampleHttp(this.port);
		sendEmail(http);
		String metrics = http.getText("/actuator/prometheus").getBody();
		assertThat(metrics).containsPattern(
				"(?m)^convex_action_seconds_count\\{[^}]*function=\"emails:send\"[^}]*outcome=\"success\"[^}]*} [1-9]");
		// executions in flight: Micrometer's long task timer, as Prometheus reads it
		assertThat(metrics).containsPattern(
				"(?m)^convex_action_active_seconds_count\\{[^}]*function=\"emails:send\"[^}]*} 0");
		// one observation per execution: the WebClient does not time the exchange a second time
		assertThat(metrics).doesNotContainPattern("(?m)^http_client_requests_seconds_count\\{[^}]*uri=\"/api/action\"");
	}

	@Test
	void healthShowsTheDeploymentUp() {
		JsonNode health = new SampleHttp(this.port).get("/actuator/health").getBody();
		JsonNode convex = health.get("components").get("convex");
		assertThat(convex.get("status").stringValue()).isEqualTo("UP");
		assertThat(convex.get("details").get("version").stringValue()).isNotBlank();
		assertThat(convex.get("details").get("url").stringValue()).startsWith("http://127.0.0.1:");
	}

	@Test
	void theConvexEndpointListsTheMostRecentExecutions() {
		SampleHttp http = new SampleHttp(this.port);
		sendEmail(http);
		JsonNode latest = http.get("/actuator/convex").getBody().get("executions").get(0);
		assertThat(latest.get("kind").stringValue()).isEqualTo("action");
		assertThat(latest.get("function").stringValue()).isEqualTo("emails:send");
		assertThat(latest.get("outcome").stringValue()).isEqualTo("success");
		assertThat(latest.has("duration")).isTrue();
		assertThat(latest.has("time")).isTrue();
		// previews only with convex.logging=debug
		assertThat(latest.has("arguments")).isFalse();
	}

}
