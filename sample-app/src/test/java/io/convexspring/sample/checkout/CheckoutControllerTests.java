package io.convexspring.sample.checkout;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/checkout}: a session whose URL leads back to this app, and the function's
 * refusals.
 */
@SampleAppTest
class CheckoutControllerTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aSessionSendsTheBuyerBackToThisAppsSuccessPage() {
		ResponseEntity<JsonNode> response = checkout("pro-yearly", "2");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode session = response.getBody();
		String sessionId = session.get("sessionId").stringValue();
		assertThat(sessionId).startsWith("cs_demo_");
		// The demo provider "pays" at once and sends the buyer to the success URL it was given.
		assertThat(session.get("url").stringValue())
			.isEqualTo(this.http.baseUrl() + "/checkout/success.html?session_id=" + sessionId);
		assertThat(session.get("amountCents").longValue()).isEqualTo(40000);
		assertThat(session.get("currency").stringValue()).isEqualTo("usd");
	}

	@Test
	void theSuccessAndCancelPagesAreServed() {
		assertThat(this.http.getText("/checkout/success.html").getBody()).contains("Payment received");
		assertThat(this.http.getText("/checkout/cancelled.html").getBody()).contains("Checkout cancelled");
	}

	@Test
	void anUnknownProductIsTheFunctionsUnknownProductError() {
		ResponseEntity<JsonNode> response = checkout("enterprise", "1");
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("code").stringValue()).isEqualTo("UNKNOWN_PRODUCT");
		assertThat(response.getBody().get("data").get("message").stringValue()).isEqualTo("Unknown product: enterprise");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101" })
	void aQuantityOutsideOneToAHundredIsTheFunctionsInvalidQuantityError(String quantity) {
		ResponseEntity<JsonNode> response = checkout("pro-monthly", quantity);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("code").stringValue()).isEqualTo("INVALID_QUANTITY");
		assertThat(response.getBody().get("data").get("message").stringValue())
			.isEqualTo("Quantity must be a whole number from 1 to 100, not " + quantity);
	}

	@Test
	void aFractionalQuantityIsRefusedRatherThanCut() {
		ResponseEntity<JsonNode> response = checkout("pro-monthly", "1.5");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void aMissingQuantityIsRefused() {
		ResponseEntity<JsonNode> response = this.http.postJson("/api/checkout", "{\"productId\":\"team\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue()).isEqualTo("quantity: must not be null");
	}

	private ResponseEntity<JsonNode> checkout(String productId, String quantity) {
		return this.http.postJson("/api/checkout", "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}");
	}

}
