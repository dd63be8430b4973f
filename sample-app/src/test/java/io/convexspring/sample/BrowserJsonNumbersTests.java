package io.convexspring.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleHttp.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's JSON writes the functions' timestamps and counts as integers
 * ({@code 1796128550130}, not {@code 1.79612855013E12}): the {@code v.number()} fields that the
 * pom's {@code typeOverrides} declare whole are {@code long} in the generated API. The
 * fractional {@code _creationTime} stays a float.
 */
@SampleAppTest
class BrowserJsonNumbersTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void anEmailsSentAtIsAnIntegerOfMillisecondsSinceTheEpoch() {
		long before = System.currentTimeMillis();
		JsonNode receipt = this.http
			.postJson("/api/emails", "{\"to\":\"ada@example.com\",\"subject\":\"Hi\",\"body\":\"Hello\"}")
			.getBody();
		long after = System.currentTimeMillis();
		assertInteger(receipt, "sentAt");
		assertThat(receipt.get("sentAt").longValue()).isBetween(before, after);
	}

	@Test
	void anOrdersAmountAndAChargesAreIntegersWhileTheCreationTimeKeepsItsFraction() {
		JsonNode purchase = this.http
			.postJson("/api/purchases", "{\"sku\":\"A-1\",\"quantity\":2,\"cardToken\":\"tok_visa\"}")
			.getBody();
		assertInteger(purchase.get("charge"), "amountCents");
		JsonNode newest = this.http.get("/api/orders?limit=1").getBody().get(0);
		assertThat(newest.get("_id").stringValue()).isEqualTo(purchase.get("orderId").stringValue());
		assertInteger(newest, "amountCents");
		assertThat(newest.get("amountCents").longValue()).isEqualTo(purchase.get("charge").get("amountCents").longValue());
		assertThat(newest.get("_creationTime").isIntegralNumber()).as("_creationTime: %s", newest.get("_creationTime"))
			.isFalse();
	}

	@Test
	void aCheckoutSessionsAmountIsAnInteger() {
		JsonNode session = this.http.postJson("/api/checkout", "{\"productId\":\"team\",\"quantity\":3}").getBody();
		assertInteger(session, "amountCents");
		assertThat(session.get("amountCents").longValue()).isEqualTo(150000);
	}

	@Test
	void aFilesSizeAndCountsAreIntegers() {
		byte[] content = "one two\nthree\n".getBytes(StandardCharsets.UTF_8);
		JsonNode summary = this.http.postFile("/api/files", "notes.txt", "text/plain", content).getBody();
		assertInteger(summary, "sizeBytes");
		assertInteger(summary, "lines");
		assertInteger(summary, "words");
		assertThat(summary.get("sizeBytes").longValue()).isEqualTo(content.length);
	}

	@Test
	void aReportsGeneratedAtAndTheCardsVersionAreIntegers() {
		try (EventStream events = this.http.events("/api/reports/events")) {
			assertInteger(events.next(WAIT), "version");
			long before = System.currentTimeMillis();
			assertThat(this.http.postJson("/api/reports", "{\"reportType\":\"users\"}").getStatusCode().value())
				.isEqualTo(202);
			JsonNode ready = events.nextWithStatus("SUCCESS", WAIT);
			assertInteger(ready, "version");
			assertInteger(ready.get("report"), "generatedAt");
			assertThat(ready.get("report").get("generatedAt").longValue()).isBetween(before,
					System.currentTimeMillis());
			assertInteger(this.http.get("/api/reports").getBody().get("report"), "generatedAt");
		}
		finally {
			this.http.delete("/api/reports");
		}
	}

	private static void assertInteger(JsonNode object, String field) {
		JsonNode value = object.get(field);
		assertThat(value).as("%s in %s", field, object).isNotNull();
		assertThat(value.isIntegralNumber()).as("%s is written as an integer: %s", field, value).isTrue();
	}

}
