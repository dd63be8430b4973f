package io.convexspring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo functions' contract, over real HTTP: what each returns, logs and raises. The orders
 * functions share one store, so each order test finds its own orders by a unique charge id.
 */
class DemoFunctionsTests {

	private static final Duration REPORT_DURATION = Duration.ofMillis(50);

	private static final String REQUEST_ID = "^\\[Request ID: [0-9a-f]{16}] Server Error\\n";

	private static DemoConvexBackend backend;

	private static DemoHttp http;

	@BeforeAll
	static void startBackend() {
		backend = DemoConvexBackend.start(0, new DemoSettings(REPORT_DURATION));
		http = new DemoHttp(backend.url());
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void sendEmailReturnsSentReceiptAndLogsTheProviderId() {
		long before = System.currentTimeMillis();
		JsonNode result = action("emails:send", Map.of("to", "ada@example.com", "subject", "Hi", "body", "Hello!"));
		assertThat(result.get("status").stringValue()).isEqualTo("success");
		JsonNode value = result.get("value");
		String id = value.get("id").stringValue();
		assertThat(id).matches("email_[0-9a-f]{12}");
		assertThat(value.get("to").stringValue()).isEqualTo("ada@example.com");
		assertThat(value.get("status").stringValue()).isEqualTo("sent");
		assertThat(value.get("sentAt").isNumber()).isTrue();
		assertThat(value.get("sentAt").doubleValue()).isBetween((double) before, System.currentTimeMillis() + 1.0);
		assertThat(logLines(result)).containsExactly("[LOG] Sending email to ada@example.com",
				"[INFO] Email " + id + " accepted by the provider");
	}

	@Test
	void addressWithoutAtSignRaisesInvalidEmailConvexError() {
		JsonNode result = action("emails:send", Map.of("to", "ada.example.com", "subject", "Hi", "body", "x"));
		assertThat(result.get("status").stringValue()).isEqualTo("error");
		assertThat(result.get("errorData")).isEqualTo(json(
				"{\"code\":\"INVALID_EMAIL\",\"message\":\"Invalid email address: ada.example.com\"}"));
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID
				+ "Uncaught ConvexError: \\{\"code\":\"INVALID_EMAIL\",\"message\":\"Invalid email address: ada.example.com\"}$");
		assertThat(result.has("logLines")).isFalse();
	}

	@Test
	void providerOutageIsAPlainErrorWithoutData() {
		JsonNode result = action("emails:send", Map.of("to", "ops@fail.example", "subject", "Hi", "body", "x"));
		assertThat(result.get("status").stringValue()).isEqualTo("error");
		assertThat(result.has("errorData")).isFalse();
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID
				+ "Uncaught Error: Email provider unavailable \\(HTTP 503\\)\\n    at handler \\(\\.\\./convex/emails\\.ts:12:9\\)$");
		assertThat(logLines(result)).containsExactly("[LOG] Sending email to ops@fail.example");
	}

	@Test
	void generatedImageIsAnSvgDataUrlShowingThePrompt() {
		JsonNode result = action("ai:generateImage", Map.of("prompt", "Dusk & <waves>"));
		JsonNode value = result.get("value");
		assertThat(value.get("prompt").stringValue()).isEqualTo("Dusk & <waves>");
		assertThat(value.get("size").stringValue()).as("the default size of ai.ts").isEqualTo("1024x1024");
		assertThat(DemoHttp.int64(value.get("seed"))).isNotNegative();
		String svg = DemoHttp.dataUrlText(value.get("url").stringValue(), "image/svg+xml");
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1024\" height=\"1024\"")
			.contains("linearGradient", "Dusk &amp; &lt;waves&gt;")
			.endsWith("</svg>");
		assertThat(logLines(result)).containsExactly("[LOG] Generating image for prompt \"Dusk & <waves>\"");
	}

	@Test
	void generatedImageHasTheRequestedSize() {
		JsonNode value = action("ai:generateImage", Map.of("prompt", "a cat", "size", "256x256")).get("value");
		assertThat(value.get("size").stringValue()).isEqualTo("256x256");
		assertThat(DemoHttp.dataUrlText(value.get("url").stringValue(), "image/svg+xml")).contains("width=\"256\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u00a0\t\u2003" })
	void blankPromptRaisesEmptyPromptConvexError(String prompt) {
		JsonNode result = action("ai:generateImage", Map.of("prompt", prompt));
		assertThat(result.get("errorData"))
			.isEqualTo(json("{\"code\":\"EMPTY_PROMPT\",\"message\":\"Describe the image you want\"}"));
	}

	@Test
	void unsupportedImageSizeFailsArgumentValidation() {
		JsonNode result = action("ai:generateImage", Map.of("prompt", "a cat", "size", "640x480"));
		assertThat(result.has("errorData")).isFalse();
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "ArgumentValidationError: ")
			.contains("Path: .size", "Value: \"640x480\"", "v.literal(\"1024x1024\")");
	}

	@Test
	void textFileIsDescribedWithCountsHashAndPreview() throws Exception {
		byte[] content = "Hello Convex\nsecond line here\nthird".getBytes(StandardCharsets.UTF_8);
		JsonNode value = action("files:process",
				Map.of("fileName", "notes.txt", "contentType", "text/plain", "content", DemoHttp.bytes(content)))
			.get("value");
		assertThat(value.get("fileName").stringValue()).isEqualTo("notes.txt");
		assertThat(value.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(value.get("sizeBytes").doubleValue()).isEqualTo(content.length);
		assertThat(value.get("lines").doubleValue()).isEqualTo(3);
		assertThat(value.get("words").doubleValue()).isEqualTo(6);
		assertThat(value.get("sha256").stringValue()).isEqualTo(sha256(content));
		assertThat(value.get("preview").stringValue()).isEqualTo("Hello Convex\nsecond line here\nthird");
	}

	@Test
	void previewStopsAtTwoHundredCharacters() {
		String text = "é".repeat(250);
		JsonNode value = action("files:process", Map.of("fileName", "e.txt", "contentType", "text/plain", "content",
				DemoHttp.bytes(text.getBytes(StandardCharsets.UTF_8))))
			.get("value");
		assertThat(value.get("preview").stringValue()).isEqualTo("é".repeat(200));
		assertThat(value.get("sizeBytes").doubleValue()).isEqualTo(500);
	}

	@Test
	void binaryFileIsDecodedWithReplacementCharactersLikeTextDecoder() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d };
		JsonNode value = action("files:process",
				Map.of("fileName", "a.png", "contentType", "image/png", "content", DemoHttp.bytes(png)))
			.get("value");
		assertThat(value.get("preview").stringValue()).isEqualTo("\ufffdPNG\r\n\u001a\n\0\0\0\r");
		assertThat(value.get("lines").doubleValue()).isEqualTo(3);
		assertThat(value.get("words").doubleValue()).isEqualTo(3);
		assertThat(value.get("sizeBytes").doubleValue()).isEqualTo(12);
	}

	@Test
	void linesEndAtAnyLineBreakAndWordsAtJavaScriptWhiteSpace() {
		byte[] content = "\ufeffone\rtwo\u00a0words\r\nthree\n".getBytes(StandardCharsets.UTF_8);
		JsonNode value = action("files:process",
				Map.of("fileName", "crlf.txt", "contentType", "text/plain", "content", DemoHttp.bytes(content)))
			.get("value");
		assertThat(value.get("lines").doubleValue()).isEqualTo(3);
		assertThat(value.get("words").doubleValue()).isEqualTo(4);
		assertThat(value.get("preview").stringValue()).as("the BOM dropped").isEqualTo("one\rtwo\u00a0words\r\nthree\n");
	}

	@Test
	void emptyFileRaisesEmptyFileConvexError() {
		JsonNode result = action("files:process",
				Map.of("fileName", "e.txt", "contentType", "text/plain", "content", DemoHttp.bytes(new byte[0])));
		assertThat(result.get("errorData")).isEqualTo(json("{\"code\":\"EMPTY_FILE\",\"message\":\"The file is empty\"}"));
	}

	@Test
	void fileOverFiveMebibytesRaisesFileTooLargeWithTheLimit() {
		byte[] content = new byte[5 * 1024 * 1024 + 1];
		JsonNode result = action("files:process",
				Map.of("fileName", "big.bin", "contentType", "application/octet-stream", "content", DemoHttp.bytes(content)));
		JsonNode data = result.get("errorData");
		assertThat(data.get("code").stringValue()).isEqualTo("FILE_TOO_LARGE");
		assertThat(data.get("message").stringValue()).isNotBlank();
		assertThat(data.get("maxBytes").isNumber()).isTrue();
		assertThat(data.get("maxBytes").doubleValue()).isEqualTo(5242880);
	}

	@Test
	void checkoutSessionChargesPriceTimesQuantity() {
		JsonNode result = action("payments:createCheckoutSession", Map.of("productId", "pro-yearly", "quantity", 3,
				"successUrl", "https://shop.example/thanks", "cancelUrl", "https://shop.example/cart"));
		JsonNode value = result.get("value");
		String sessionId = value.get("sessionId").stringValue();
		assertThat(sessionId).matches("cs_demo_[0-9a-f]+");
		assertThat(value.get("url").stringValue()).isEqualTo("https://shop.example/thanks?session_id=" + sessionId);
		assertThat(value.get("amountCents").doubleValue()).isEqualTo(60000);
		assertThat(value.get("currency").stringValue()).isEqualTo("usd");
	}

	@Test
	void checkoutSuccessUrlWithQueryGetsSessionIdAppended() {
		JsonNode value = action("payments:createCheckoutSession", Map.of("productId", "team", "quantity", 1,
				"successUrl", "https://shop.example/thanks?plan=team", "cancelUrl", "https://shop.example/cart"))
			.get("value");
		assertThat(value.get("url").stringValue())
			.isEqualTo("https://shop.example/thanks?plan=team&session_id=" + value.get("sessionId").stringValue());
		assertThat(value.get("amountCents").doubleValue()).isEqualTo(50000);
	}

	@Test
	void unknownProductRaisesUnknownProductConvexError() {
		JsonNode result = action("payments:createCheckoutSession", Map.of("productId", "gold", "quantity", 1,
				"successUrl", "https://s.example", "cancelUrl", "https://c.example"));
		assertThat(result.get("errorData"))
			.isEqualTo(json("{\"code\":\"UNKNOWN_PRODUCT\",\"message\":\"Unknown product: gold\"}"));
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "-2, -2", "1.5, 1.5", "101, 101" })
	void quantityOutsideOneToHundredOrFractionalRaisesInvalidQuantity(double quantity, String shown) {
		JsonNode result = action("payments:createCheckoutSession", Map.of("productId", "pro-monthly", "quantity",
				quantity, "successUrl", "https://s.example", "cancelUrl", "https://c.example"));
		assertThat(result.get("errorData")).isEqualTo(json("{\"code\":\"INVALID_QUANTITY\",\"message\":"
				+ "\"Quantity must be a whole number from 1 to 100, not " + shown + "\"}"));
	}

	@Test
	void aHundredIsTheLargestQuantity() {
		JsonNode value = action("payments:createCheckoutSession", Map.of("productId", "pro-monthly", "quantity", 100,
				"successUrl", "https://s.example", "cancelUrl", "https://c.example"))
			.get("value");
		assertThat(value.get("amountCents").doubleValue()).isEqualTo(200000);
	}

	@Test
	void chargeSucceedsAndLogsTheAmount() {
		JsonNode result = action("payments:charge", Map.of("amountCents", 1999, "currency", "usd", "cardToken", "tok_visa"));
		JsonNode value = result.get("value");
		assertThat(value.get("chargeId").stringValue()).matches("ch_[0-9a-f]+");
		assertThat(value.get("amountCents").doubleValue()).isEqualTo(1999);
		assertThat(value.get("currency").stringValue()).isEqualTo("usd");
		assertThat(value.get("status").stringValue()).isEqualTo("succeeded");
		assertThat(logLines(result)).startsWith("[LOG] Charging 1999 usd");
	}

	@Test
	void declinedCardRaisesConvexErrorWithData() {
		JsonNode result = action("payments:charge",
				Map.of("amountCents", 1999, "currency", "usd", "cardToken", "tok_declined"));
		assertThat(result.get("status").stringValue()).isEqualTo("error");
		assertThat(result.get("errorData")).isEqualTo(json("{\"code\":\"CARD_DECLINED\","
				+ "\"message\":\"Your card was declined.\",\"declineCode\":\"insufficient_funds\"}"));
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "Uncaught ConvexError: ")
			.contains("CARD_DECLINED");
		assertThat(logLines(result)).containsExactly("[LOG] Charging 1999 usd", "[WARN] Card declined: insufficient_funds");
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "-500, -500", "19.99, 19.99" })
	void nonPositiveOrFractionalAmountRaisesInvalidAmount(double amountCents, String shown) {
		JsonNode result = action("payments:charge",
				Map.of("amountCents", amountCents, "currency", "usd", "cardToken", "tok_visa"));
		assertThat(result.get("errorData")).isEqualTo(json("{\"code\":\"INVALID_AMOUNT\",\"message\":"
				+ "\"The amount must be a positive whole number of cents, not " + shown + "\"}"));
	}

	@ParameterizedTest
	@CsvSource({ "sales, 'order_id,created_at,charge_id,amount_cents,currency'", "inventory, 'sku,name,in_stock'",
			"users, 'plan,active_users'" })
	void reportArrivesAfterTheDelayWithACsvOfItsRows(String reportType, String header) {
		long started = System.nanoTime();
		JsonNode result = action("reports:generate", Map.of("reportType", reportType));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REPORT_DURATION);
		JsonNode value = result.get("value");
		String reportId = value.get("reportId").stringValue();
		assertThat(reportId).matches("rpt_[0-9a-f-]{36}");
		long rows = DemoHttp.int64(value.get("rows"));
		assertThat(value.get("reportType").stringValue()).isEqualTo(reportType);
		assertThat(value.get("generatedAt").doubleValue()).isPositive();
		List<String> csv = DemoHttp.dataUrlText(value.get("downloadUrl").stringValue(), "text/csv").lines().toList();
		assertThat(csv).hasSize((int) rows + 1).first().isEqualTo(header);
		assertThat(logLines(result)).containsExactly("[LOG] Generating " + reportType + " report",
				"[INFO] Report " + reportId + " ready: " + rows + " rows");
	}

	@Test
	void salesReportListsTheSavedOrdersNewestFirst() {
		String id = saveOrder("ch_for_the_report", 1234, DemoHttp.int64(2));
		String csv = DemoHttp.dataUrlText(
				action("reports:generate", Map.of("reportType", "sales")).get("value").get("downloadUrl").stringValue(),
				"text/csv");
		assertThat(csv).endsWith("\r\n");
		String newest = csv.lines().skip(1).findFirst().orElseThrow();
		assertThat(newest).matches(id + ",\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,ch_for_the_report,1234,usd");
	}

	@Test
	void inventoryReportHasTheFiguresOfReportsTs() {
		JsonNode value = action("reports:generate", Map.of("reportType", "inventory")).get("value");
		assertThat(DemoHttp.int64(value.get("rows"))).isEqualTo(3);
		assertThat(DemoHttp.dataUrlText(value.get("downloadUrl").stringValue(), "text/csv"))
			.isEqualTo("sku,name,in_stock\r\nA-1,Notebook,120\r\nB-2,Pen,540\r\nC-3,Backpack,18\r\n");
	}

	@Test
	void brokenReportFailsAfterTheDelay() {
		long started = System.nanoTime();
		JsonNode result = action("reports:generate", Map.of("reportType", "broken"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REPORT_DURATION);
		assertThat(result.has("errorData")).isFalse();
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID
				+ "Uncaught Error: Report data source timed out\\n    at handler \\(\\.\\./convex/reports\\.ts:12:9\\)$");
	}

	@Test
	void unknownReportTypeFailsArgumentValidation() {
		JsonNode result = action("reports:generate", Map.of("reportType", "weather"));
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "ArgumentValidationError: ")
			.contains("Path: .reportType", "Value: \"weather\"", "v.literal(\"sales\")");
	}

	@Test
	void savedOrdersAreListedNewestFirst() {
		String first = saveOrder("ch_first", 2000, DemoHttp.int64(1));
		String second = saveOrder("ch_second", 4500, DemoHttp.int64(3));
		assertThat(first).matches("[0-9a-z]{32}").isNotEqualTo(second);
		JsonNode result = http.call("query", "orders:list", Map.of("limit", 2));
		assertThat(result.has("logLines")).isFalse();
		JsonNode orders = result.get("value");
		assertThat(orders.size()).isEqualTo(2);
		assertThat(orders.get(0).get("_id").stringValue()).isEqualTo(second);
		assertThat(orders.get(1).get("_id").stringValue()).isEqualTo(first);
		JsonNode order = orders.get(0);
		assertThat(order.get("_creationTime").doubleValue()).isGreaterThan(orders.get(1).get("_creationTime").doubleValue());
		assertThat(order.get("chargeId").stringValue()).isEqualTo("ch_second");
		assertThat(order.get("amountCents").doubleValue()).isEqualTo(4500);
		assertThat(order.get("currency").stringValue()).isEqualTo("usd");
		assertThat(order.get("status").stringValue()).isEqualTo("paid");
		assertThat(order.get("items").get(0).get("sku").stringValue()).isEqualTo("SKU-1");
		assertThat(DemoHttp.int64(order.get("items").get(0).get("quantity"))).isEqualTo(3);
	}

	@Test
	void orderListDefaultsToTwentyOrders() {
		for (int i = 0; i < 21; i++) {
			saveOrder("ch_many_" + i, 100, DemoHttp.int64(1));
		}
		JsonNode orders = http.call("query", "orders:list", Map.of()).get("value");
		assertThat(orders.size()).isEqualTo(20);
		assertThat(orders.get(0).get("chargeId").stringValue()).isEqualTo("ch_many_20");
	}

	@ParameterizedTest
	@CsvSource({ "2.7, 2", "-3, 0", "500, 100" })
	void orderListLimitIsFlooredIntoZeroToAHundred(double limit, int expected) {
		int existing = http.call("query", "orders:list", Map.of("limit", 100)).get("value").size();
		for (int i = existing; i <= 100; i++) {
			saveOrder("ch_limit_" + i, 100, DemoHttp.int64(1));
		}
		JsonNode orders = http.call("query", "orders:list", Map.of("limit", limit)).get("value");
		assertThat(orders.size()).isEqualTo(expected);
	}

	@Test
	void orderItemWithFloatQuantityFailsArgumentValidation() {
		JsonNode result = http.call("mutation", "orders:save", Map.of("chargeId", "ch_x", "amountCents", 100,
				"currency", "usd", "items", List.of(Map.of("sku", "SKU-1", "quantity", 2))));
		assertThat(result.get("errorMessage").stringValue()).containsPattern(REQUEST_ID + "ArgumentValidationError: ")
			.contains("Path: .items[0].quantity", "Validator: v.int64()");
	}

	private static String saveOrder(String chargeId, double amountCents, Map<String, String> quantity) {
		JsonNode result = http.call("mutation", "orders:save", Map.of("chargeId", chargeId, "amountCents", amountCents,
				"currency", "usd", "items", List.of(Map.of("sku", "SKU-1", "quantity", quantity))));
		assertThat(result.get("status").stringValue()).as(result.toString()).isEqualTo("success");
		return result.get("value").stringValue();
	}

	private static JsonNode action(String path, Map<String, ?> args) {
		return http.call("action", path, args);
	}

	private static List<String> logLines(JsonNode result) {
		return result.get("logLines").valueStream().map(JsonNode::stringValue).toList();
	}

	private static JsonNode json(String text) {
		return DemoHttp.JSON.readTree(text);
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
