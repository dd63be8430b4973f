package io.convexspring.sample.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.ConvexTransport;
import io.convexspring.sample.SampleHttp;
import io.convexspring.sample.demo.DemoConvexBackend;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Orders;
import io.convexspring.sample.api.Payments;
import io.convexspring.sample.api.Tables;
import io.convexspring.test.AutoConfigureConvexStub;
import io.convexspring.test.ConvexStub;

import static io.convexspring.test.ConvexStubResponses.withConvexError;
import static io.convexspring.test.ConvexStubResponses.withDroppedConnection;
import static io.convexspring.test.ConvexStubResponses.withTooManyRequests;
import static io.convexspring.test.ConvexStubResponses.withUnauthenticated;
import static io.convexspring.test.ConvexStubResponses.withValue;
import static io.convexspring.test.ExpectedCalls.never;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on a {@link ConvexStub} instead of its demo backend: the failures the demo
 * cannot play (an overloaded deployment, a refused token, a dropped connection, a timeout) as
 * the app's problem details, and a purchase's exact calls, the int64 quantity included, expected
 * through the references the typed-API plugin generates ({@code Api}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "convex.response-timeout=3s")
@AutoConfigureConvexStub
class ConvexStubbedFailureTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConvexStub convex;

	@Autowired
	private ConvexTransport transport;

	@Autowired
	private ApplicationContext context;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void theAppCallsTheStubAndNotTheDemoBackend() {
		assertThat(this.transport.deploymentUrl()).hasToString(this.convex.url());
		assertThat(this.context.getBeansOfType(DemoConvexBackend.class)).isEmpty();
	}

	@Test
	void anOverloadedDeploymentIsABadGatewayWithTheBackendsCode() {
		this.convex.expect(Api.emails.send).andRespond(withTooManyRequests());
		ResponseEntity<JsonNode> response = sendEmail();
		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody().get("code").stringValue()).isEqualTo("TooManyConcurrentRequests");
		assertThat(response.getBody().get("function").stringValue()).isEqualTo("emails:send");
	}

	@Test
	void aRefusedTokenIsABadGatewayWithTheCode() {
		this.convex.expect(Api.emails.send).andRespond(withUnauthenticated("BadDeployKey"));
		ResponseEntity<JsonNode> response = sendEmail();
		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody().get("code").stringValue()).isEqualTo("BadDeployKey");
	}

	@Test
	void aDroppedConnectionIsServiceUnavailable() {
		this.convex.expect(Api.emails.send).andRespond(withDroppedConnection());
		assertThat(sendEmail().getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void aFunctionSlowerThanTheResponseTimeoutIsAGatewayTimeout() {
		this.convex.expect(Api.emails.send)
			.andRespond(withValue(null).after(Duration.ofSeconds(30)));
		assertThat(sendEmail().getStatusCode().value()).isEqualTo(504);
	}

	@Test
	void aFractionWhereThePomDeclaresAWholeNumberIsABadGatewayNamingTheFunctionAndField() {
		this.convex.expect(Api.emails.send)
			.andRespond(withValue(Map.of("id", "email_1", "to", "ada@example.com", "status", "sent", "sentAt",
					1796128550130.5)));
		ResponseEntity<JsonNode> response = sendEmail();
		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody().get("function").stringValue()).isEqualTo("emails:send");
		assertThat(response.getBody().get("detail").stringValue())
			.startsWith("Action emails:send succeeded, but its result at sentAt cannot be read as ")
			.endsWith("float64 1.7961285501305E12 is not an integer, so it cannot be read as long");
	}

	@Test
	void aPurchaseChargesThenSavesTheOrderWithAnInt64Quantity() {
		this.convex.expect(Api.payments.charge)
			.withArgs(new Payments.ChargeArgs(3 * 4500, "usd", "tok_visa"))
			.andRespond(withValue(new Payments.ChargeResult("ch_1", 13500, "usd", Payments.ChargeResult.Status.SUCCEEDED)));
		this.convex.expect(Api.orders.save)
			.withArgs(new Orders.SaveArgs("ch_1", 13500, "usd", List.of(new Tables.Orders.Item("C-3", 3))))
			.andRespond(withValue("order_1"));
		ResponseEntity<JsonNode> response = this.http.postJson("/api/purchases",
				"{\"sku\":\"C-3\",\"quantity\":3,\"cardToken\":\"tok_visa\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().get("orderId").stringValue()).isEqualTo("order_1");
		this.convex.verify();
	}

	@Test
	void aDeclinedCardSavesNoOrder() {
		this.convex.expect(Api.payments.charge)
			.andRespond(withConvexError(Map.of("code", "CARD_DECLINED", "message", "Your card was declined.")));
		this.convex.expect(Api.orders.save, never());
		ResponseEntity<JsonNode> response = this.http.postJson("/api/purchases",
				"{\"sku\":\"A-1\",\"quantity\":1,\"cardToken\":\"tok_declined\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("data").get("message").stringValue()).isEqualTo("Your card was declined.");
		this.convex.verify();
	}

	private ResponseEntity<JsonNode> sendEmail() {
		return this.http.postJson("/api/emails",
				"{\"to\":\"ada@example.com\",\"subject\":\"Welcome!\",\"body\":\"Hello Ada\"}");
	}

}
