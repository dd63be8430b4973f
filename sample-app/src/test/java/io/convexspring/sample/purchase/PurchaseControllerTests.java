package io.convexspring.sample.purchase;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;
import io.convexspring.sample.api.Orders;
import io.convexspring.sample.api.Tables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/purchases} and {@code GET /api/orders}: charge, then save, then list; a
 * declined card saves nothing.
 */
@SampleAppTest
class PurchaseControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConvexCodec codec;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aPurchaseChargesTheCatalogPriceThenSavesTheOrder() {
		ResponseEntity<JsonNode> response = buy("C-3", 3, "tok_visa");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode purchase = response.getBody();
		JsonNode charge = purchase.get("charge");
		assertThat(charge.get("chargeId").stringValue()).startsWith("ch_");
		assertThat(charge.get("amountCents").longValue()).isEqualTo(3 * 4500);
		assertThat(charge.get("status").stringValue()).isEqualTo("succeeded");
		String orderId = purchase.get("orderId").stringValue();

		JsonNode newest = this.http.get("/api/orders?limit=1").getBody().get(0);
		assertThat(newest.get("_id").stringValue()).isEqualTo(orderId);
		assertThat(newest.get("chargeId").stringValue()).isEqualTo(charge.get("chargeId").stringValue());
		assertThat(newest.get("amountCents").longValue()).isEqualTo(13500);
		assertThat(newest.get("status").stringValue()).isEqualTo("paid");
		assertThat(newest.get("items").get(0).get("sku").stringValue()).isEqualTo("C-3");
		assertThat(newest.get("items").get(0).get("quantity").longValue()).isEqualTo(3);
		assertThat(newest.get("_creationTime").doubleValue()).isPositive();
	}

	@Test
	void aDeclinedCardIsTheFunctionsErrorAndSavesNoOrder() {
		buy("A-1", 1, "tok_visa");
		String newestBefore = newestOrderId();
		ResponseEntity<JsonNode> response = buy("A-1", 1, "tok_declined");
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		JsonNode problem = response.getBody();
		assertThat(problem.get("function").stringValue()).isEqualTo("payments:charge");
		assertThat(problem.get("code").stringValue()).isEqualTo("CARD_DECLINED");
		assertThat(problem.get("data").get("message").stringValue()).isEqualTo("Your card was declined.");
		assertThat(problem.get("data").get("declineCode").stringValue()).isEqualTo("insufficient_funds");
		assertThat(newestOrderId()).isEqualTo(newestBefore);
	}

	@Test
	void anUnknownProductIsRefusedBeforeAnyCharge() {
		ResponseEntity<JsonNode> response = buy("Z-9", 1, "tok_visa");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue()).isEqualTo("Unknown product: Z-9");
	}

	@Test
	void aQuantityOutOfRangeIsRefusedBeforeAnyCharge() {
		ResponseEntity<JsonNode> response = buy("A-1", 0, "tok_visa");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue()).isEqualTo("quantity: must be greater than or equal to 1");
	}

	@Test
	void theOrderListIsCappedAtAHundred() {
		ResponseEntity<JsonNode> response = this.http.get("/api/orders?limit=500");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue()).isEqualTo("limit: must be less than or equal to 100");
	}

	@Test
	void theCatalogIsListed() {
		JsonNode products = this.http.get("/api/products").getBody();
		assertThat(products.valueStream().map((product) -> product.get("sku").stringValue())).containsExactly("A-1",
				"B-2", "C-3");
	}

	@Test
	void anOrderItemsQuantityGoesToConvexAsAnInt64() {
		String wire = this.codec.toWireJson(new Orders.SaveArgs("ch_1", 1200, "usd", List.of(new Tables.Orders.Item("A-1", 3))));
		assertThat(wire).isEqualTo("{\"chargeId\":\"ch_1\",\"amountCents\":1200,\"currency\":\"usd\","
				+ "\"items\":[{\"sku\":\"A-1\",\"quantity\":{\"$integer\":\"AwAAAAAAAAA=\"}}]}");
	}

	private ResponseEntity<JsonNode> buy(String sku, long quantity, String cardToken) {
		return this.http.postJson("/api/purchases",
				"{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"cardToken\":\"" + cardToken + "\"}");
	}

	private String newestOrderId() {
		return this.http.get("/api/orders?limit=1").getBody().get(0).get("_id").stringValue();
	}

}
