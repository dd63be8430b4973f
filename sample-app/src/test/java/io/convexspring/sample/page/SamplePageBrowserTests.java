package io.convexspring.sample.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.convexspring.sample.SampleAppTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample page in a real browser (headless Chromium), clicked through as a person would:
 * every pattern, its pending state, its result and its errors. Each test saves screenshots
 * to {@code target/screenshots/}.
 *
 * <p>The demo backend answers most calls within milliseconds, too fast to see a button while
 * it is pending; so those tests hold the page's responses at a gate in {@code fetch} until the
 * pending state has been checked. The report is slow by itself (300 ms) and its state arrives
 * over server-sent events, so its states are recorded as the page shows them.
 */
@SampleAppTest
class SamplePageBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path UPLOADS = Path.of("target", "browser-uploads");

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Holds the page's fetch responses while closed; see {@link #releaseResponses()}. */
	private static final String CLOSE_GATE = """
			if (!window.__gate) {
			  const realFetch = window.fetch.bind(window);
			  const gate = { closed: false, held: [] };
			  window.fetch = (...args) => realFetch(...args).then((response) => gate.closed
			    ? new Promise((resolve) => gate.held.push(() => resolve(response)))
			    : response);
			  window.__gate = gate;
			}
			window.__gate.closed = true;
			""";

	private static final String OPEN_GATE = """
			const gate = window.__gate;
			gate.closed = false;
			gate.held.splice(0).forEach((release) => release());
			""";

	/** Records the report card as it is after each change of its status. */
	private static final String RECORD_REPORT_STATES = """
			const card = document.getElementById("report-card");
			window.__reportStates = [];
			new MutationObserver(() => {
			  const submit = document.getElementById("report-submit");
			  window.__reportStates.push({
			    status: card.dataset.status,
			    submitShown: !submit.hidden,
			    submitDisabled: submit.disabled,
			    submitText: submit.textContent,
			    spinnerShown: !document.getElementById("report-pending").hidden,
			    pendingText: document.getElementById("report-pending-text").textContent,
			  });
			}).observe(card, { attributes: true, attributeFilter: ["data-status"] });
			""";

	private static Chromium chromium;

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start(1280, 1400);
		browser = chromium.driver();
		Files.createDirectories(SCREENSHOTS);
		Files.createDirectories(UPLOADS);
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void openThePage() {
		browser.get("http://localhost:" + this.port + "/");
		waitUntil((driver) -> element("backend").getAttribute("data-kind") != null
				&& !new Select(element("purchase-sku")).getOptions().isEmpty()
				&& !element("orders-body").getText().contains("Loading"));
	}

	@Test
	void thePageSaysItRunsOnTheDemoBackend() {
		assertThat(element("backend").getText()).matches("Embedded demo backend at http://127\\.0\\.0\\.1:\\d+");
		assertThat(browser.findElements(By.cssSelector("section.card h2")).stream().map(WebElement::getText))
			.containsExactly("Send an email", "Generate an image", "Process a file", "Check out", "Generate a report",
					"Buy: charge, then save");
		screenshot("overview", null);
	}

	@Test
	void sendingAnEmailDisablesTheButtonWhilePendingThenShowsTheReceipt() {
		type("email-to", "ada@example.com");
		submitHeld("email-submit", "Sending…");
		assertThat(waitForText("email-result")).startsWith("Sent to ada@example.com (email_");
		assertIdle("email-submit", "Send email");
		assertThat(element("email-error").isDisplayed()).isFalse();
		screenshot("email", "email-card");
	}

	@Test
	void anInvalidAddressOrAnOutageShowsTheErrorsMessage() {
		type("email-to", "not-an-address");
		click("email-submit");
		assertThat(waitForErrorMessage("email-error")).isEqualTo("to: must be a well-formed email address");
		assertThat(element("email-result").isDisplayed()).isFalse();

		type("email-to", "ops@fail.example");
		click("email-submit");
		waitUntil((driver) -> errorMessage("email-error").contains("Email provider unavailable"));
		assertThat(errorMessage("email-error")).contains("Uncaught Error: Email provider unavailable (HTTP 503)");
		assertIdle("email-submit", "Send email");
		screenshot("email-error", "email-card");
	}

	@Test
	void generatingAnImageShowsItWithItsExactSeed() {
		type("image-prompt", "A lighthouse at dusk");
		submitHeld("image-submit", "Generating…");
		assertThat(waitForText("image-caption")).matches("“A lighthouse at dusk”, 1024x1024, seed \\d+");
		waitUntil((driver) -> Boolean.TRUE.equals(browser
			.executeScript("const img = document.getElementById('image-img'); return img.complete && img.naturalWidth > 0;")));
		assertThat(element("image-img").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
		assertIdle("image-submit", "Generate image");
		screenshot("image", "image-card");
	}

	@Test
	void anEmptyPromptShowsTheFunctionsMessageAndCode() {
		type("image-prompt", "   ");
		click("image-submit");
		assertThat(waitForErrorMessage("image-error")).isEqualTo("Describe the image you want");
		assertThat(element("image-error").findElement(By.className("code")).getText()).isEqualTo("EMPTY_PROMPT");
		assertThat(element("image-result").isDisplayed()).isFalse();
		screenshot("image-error", "image-card");
	}

	@Test
	void processingAFileShowsItsSummaryAndTheSameHash() throws Exception {
		byte[] content = "Hello Convex\nThe bytes cross the wire intact.\n".getBytes(StandardCharsets.UTF_8);
		element("files-input").sendKeys(upload("notes.txt", content).toString());
		submitHeld("files-submit", "Processing…");
		waitForText("files-sha256");
		assertThat(element("files-name").getText()).isEqualTo("notes.txt (text/plain)");
		assertThat(element("files-size").getText()).isEqualTo(content.length + " bytes");
		assertThat(element("files-lines").getText()).isEqualTo("2");
		assertThat(element("files-words").getText()).isEqualTo("8");
		assertThat(element("files-sha256").getText())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(element("files-preview").getText()).isEqualTo("Hello Convex\nThe bytes cross the wire intact.");
		assertIdle("files-submit", "Process file");
		screenshot("files", "files-card");
	}

	@Test
	void anEmptyOrOversizeFileShowsTheFunctionsMessage() throws Exception {
		element("files-input").sendKeys(upload("empty.txt", new byte[0]).toString());
		click("files-submit");
		assertThat(waitForErrorMessage("files-error")).isEqualTo("The file is empty");

		element("files-input").sendKeys(upload("big.bin", new byte[5 * 1024 * 1024 + 1]).toString());
		click("files-submit");
		waitUntil((driver) -> errorMessage("files-error").contains("limit"));
		assertThat(errorMessage("files-error")).isEqualTo("The file is 5242881 bytes; the limit is 5242880 bytes (5 MiB)");
		assertThat(element("files-error").findElement(By.className("code")).getText()).isEqualTo("FILE_TOO_LARGE");
		screenshot("files-error", "files-card");
	}

	@Test
	void anUnknownProductOrABadQuantityShowsTheFunctionsMessage() {
		select("checkout-product", "enterprise");
		click("checkout-submit");
		assertThat(waitForErrorMessage("checkout-error")).isEqualTo("Unknown product: enterprise");

		select("checkout-product", "pro-monthly");
		type("checkout-quantity", "101");
		click("checkout-submit");
		waitUntil((driver) -> errorMessage("checkout-error").startsWith("Quantity"));
		assertThat(errorMessage("checkout-error")).isEqualTo("Quantity must be a whole number from 1 to 100, not 101");
		assertIdle("checkout-submit", "Check out");
		assertThat(browser.getCurrentUrl()).endsWith("/");
		screenshot("checkout-error", "checkout-card");
	}

	@Test
	void checkingOutRedirectsToTheReturnedUrlThenBackToThisAppsSuccessPage() {
		select("checkout-product", "pro-yearly");
		type("checkout-quantity", "2");
		submitHeld("checkout-submit", "Redirecting…");
		waitUntil((driver) -> driver.getCurrentUrl().contains("/checkout/success.html"));
		assertThat(browser.getCurrentUrl())
			.matches("http://localhost:" + this.port + "/checkout/success\\.html\\?session_id=cs_demo_[0-9a-f]+");
		String sessionId = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('=') + 1);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Payment received");
		assertThat(element("session-id").getText()).isEqualTo(sessionId);
		screenshot("checkout-success", null);
		browser.findElement(By.linkText("Back to the patterns")).click();
		waitUntil((driver) -> driver.getCurrentUrl().equals("http://localhost:" + this.port + "/"));
	}

	@Test
	void aReportGoesFromIdleToPendingToADownloadThenBackToIdle() {
		resetReport();
		browser.executeScript(RECORD_REPORT_STATES);
		select("report-type", "sales");
		assertThat(element("report-submit").getText()).isEqualTo("Generate report");
		click("report-submit");
		// Best effort: the report takes 300 ms, usually time enough to photograph the spinner.
		waitUntil((driver) -> recordedReportStates().stream().anyMatch((state) -> state.get("status").equals("PENDING")));
		screenshot("report-pending", "report-card");
		waitForReportStatus("SUCCESS", Duration.ofMillis(50));

		assertThat(recordedReportStates()).extracting((state) -> state.get("status"))
			.containsSubsequence("PENDING", "SUCCESS");
		Map<String, Object> pending = recordedReportStates().stream()
			.filter((state) -> state.get("status").equals("PENDING"))
			.findFirst()
			.orElseThrow();
		assertThat(pending).containsEntry("submitDisabled", true)
			.containsEntry("submitText", "Generating…")
			.containsEntry("spinnerShown", true)
			.containsEntry("pendingText", "Generating sales report…");

		assertThat(element("report-summary").getText()).matches("Sales report ready: \\d+ rows?, .+\\.");
		WebElement download = element("report-download");
		assertThat(download.getText()).isEqualTo("Download CSV");
		assertThat(download.getAttribute("download")).isEqualTo("sales-report.csv");
		String href = download.getAttribute("href");
		assertThat(href).startsWith("data:text/csv;base64,");
		assertThat(new String(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)), StandardCharsets.UTF_8))
			.startsWith("order_id,created_at,charge_id,amount_cents,currency\r\n");
		assertThat(element("report-pending").isDisplayed()).isFalse();
		assertThat(element("report-form").isDisplayed()).isFalse();
		screenshot("report-success", "report-card");

		click("report-another");
		waitForReportStatus("IDLE", Duration.ofMillis(50));
		assertIdle("report-submit", "Generate report");
		assertThat(element("report-success").isDisplayed()).isFalse();
	}

	@Test
	void aBrokenReportShowsTheErrorAndTryAgainRunsItAgain() {
		resetReport();
		browser.executeScript(RECORD_REPORT_STATES);
		select("report-type", "broken");
		click("report-submit");
		waitForReportStatus("ERROR", Duration.ofMillis(50));
		assertThat(element("report-error-text").getText()).contains("Uncaught Error: Report data source timed out");
		assertThat(element("report-retry").getText()).isEqualTo("Try again");
		assertThat(element("report-submit").isDisplayed()).isFalse();
		screenshot("report-error", "report-card");

		click("report-retry");
		waitUntil((driver) -> recordedReportStates().stream().filter((state) -> state.get("status").equals("ERROR")).count() >= 2);
		assertThat(recordedReportStates()).extracting((state) -> state.get("status"))
			.containsSubsequence("PENDING", "ERROR", "PENDING", "ERROR");

		select("report-type", "inventory");
		click("report-retry");
		waitForReportStatus("SUCCESS", Duration.ofMillis(50));
		assertThat(element("report-summary").getText()).startsWith("Inventory report ready: 3 rows");
	}

	@Test
	void buyingChargesThenSavesAndTheOrderIsListed() {
		select("purchase-sku", "B-2");
		type("purchase-quantity", "2");
		select("purchase-card-token", "tok_visa");
		submitHeld("purchase-submit", "Paying…");
		String result = waitForText("purchase-result");
		assertThat(result).matches("Paid \\$5\\.00 \\(ch_[0-9a-f]+\\); order [0-9a-z]{32} saved\\.");
		waitUntil((driver) -> newestOrderIsIn(result));
		List<String> cells = newestOrder().findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(cells.get(1)).isEqualTo("2 × B-2");
		assertThat(cells.get(2)).isEqualTo("$5.00");
		assertThat(result).contains(cells.get(3));
		assertIdle("purchase-submit", "Pay");
		screenshot("purchase", "purchase-card");
	}

	@Test
	void anOrderPaidInOneTabAppearsInAnotherTabWithoutAReload() {
		String payingTab = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		String watchingTab = browser.getWindowHandle();
		try {
			openThePage();
			// Gone if the tab reloads: the order must arrive over the live stream.
			browser.executeScript("window.__notReloaded = true;");
			browser.switchTo().window(payingTab);
			select("purchase-sku", "C-3");
			type("purchase-quantity", "3");
			select("purchase-card-token", "tok_visa");
			click("purchase-submit");
			Matcher saved = Pattern.compile("order ([0-9a-z]{32}) saved").matcher(waitForText("purchase-result"));
			assertThat(saved.find()).isTrue();
			String orderId = saved.group(1);

			browser.switchTo().window(watchingTab);
			waitUntil((driver) -> orderId.equals(newestOrder().getAttribute("data-order-id")));
			assertThat(browser.executeScript("return window.__notReloaded === true;")).isEqualTo(true);
			assertThat(newestOrder().findElements(By.tagName("td")).get(1).getText()).isEqualTo("3 × C-3");
			screenshot("live-orders-other-tab", "purchase-card");
		}
		finally {
			browser.switchTo().window(watchingTab);
			browser.close();
			browser.switchTo().window(payingTab);
		}
	}

	@Test
	void aDeclinedCardShowsTheMessageAndSavesNoOrder() {
		select("purchase-card-token", "tok_visa");
		click("purchase-submit");
		waitForText("purchase-result");
		waitUntil((driver) -> newestOrderIsIn(element("purchase-result").getText()));
		String newestBefore = newestOrder().getAttribute("data-order-id");

		select("purchase-card-token", "tok_declined");
		click("purchase-submit");
		assertThat(waitForErrorMessage("purchase-error")).isEqualTo("Your card was declined.");
		assertThat(element("purchase-error").findElement(By.className("code")).getText()).isEqualTo("CARD_DECLINED");
		assertThat(element("purchase-result").isDisplayed()).isFalse();
		assertIdle("purchase-submit", "Pay");
		screenshot("purchase-declined", "purchase-card");

		openThePage();
		assertThat(newestOrder().getAttribute("data-order-id")).as("no order saved").isEqualTo(newestBefore);
	}

	// --- helpers -------------------------------------------------------------------------------

	private static WebElement element(String id) {
		return browser.findElement(By.id(id));
	}

	private static void type(String id, String text) {
		WebElement input = element(id);
		input.clear();
		input.sendKeys(text);
	}

	private static void select(String id, String value) {
		new Select(element(id)).selectByValue(value);
	}

	private static void click(String id) {
		element(id).click();
	}

	/**
	 * Submits with the page's responses held, checks the button while pending (disabled, with
	 * its pending label), then lets the responses through.
	 */
	private static void submitHeld(String buttonId, String pendingLabel) {
		browser.executeScript(CLOSE_GATE);
		try {
			click(buttonId);
			WebElement button = element(buttonId);
			assertThat(button.isEnabled()).as("%s enabled while pending", buttonId).isFalse();
			assertThat(button.getText()).isEqualTo(pendingLabel);
		}
		finally {
			browser.executeScript(OPEN_GATE);
		}
	}

	private static void assertIdle(String buttonId, String label) {
		waitUntil((driver) -> element(buttonId).isEnabled());
		assertThat(element(buttonId).getText()).isEqualTo(label);
	}

	private static String waitForText(String id) {
		waitUntil((driver) -> element(id).isDisplayed() && !element(id).getText().isBlank());
		return element(id).getText();
	}

	private static String waitForErrorMessage(String id) {
		waitUntil((driver) -> element(id).isDisplayed() && !errorMessage(id).isBlank());
		return errorMessage(id);
	}

	private static String errorMessage(String id) {
		for (int attempt = 1;; attempt++) {
			try {
				List<WebElement> message = element(id).findElements(By.className("message"));
				return message.isEmpty() ? "" : message.get(0).getText();
			}
			catch (StaleElementReferenceException ex) {
				// re-rendered between finding and reading it: read the new one
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static WebElement newestOrder() {
		return browser.findElement(By.cssSelector("#orders-body tr"));
	}

	/** Whether the table's newest row is an order named in the text; false while it shows none. */
	private static boolean newestOrderIsIn(String text) {
		String orderId = newestOrder().getAttribute("data-order-id");
		return orderId != null && text.contains(orderId);
	}

	private static void resetReport() {
		String status = element("report-card").getAttribute("data-status");
		if (!"IDLE".equals(status)) {
			waitUntil((driver) -> !"PENDING".equals(element("report-card").getAttribute("data-status")));
			browser.executeScript("return fetch('api/reports', { method: 'DELETE' })");
			browser.navigate().refresh();
			waitForReportStatus("IDLE", Duration.ofMillis(50));
		}
	}

	private static void waitForReportStatus(String status, Duration polling) {
		new WebDriverWait(browser, WAIT).pollingEvery(polling)
			.ignoring(StaleElementReferenceException.class)
			.withMessage("the report card to show " + status)
			.until((driver) -> status.equals(element("report-card").getAttribute("data-status")));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> recordedReportStates() {
		return (List<Map<String, Object>>) browser.executeScript("return window.__reportStates");
	}

	private static void waitUntil(ExpectedCondition<Boolean> condition) {
		// the page re-renders a card's message: an element found a moment ago may be gone
		new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(50))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	private static Path upload(String name, byte[] content) throws IOException {
		return Files.write(UPLOADS.resolve(name), content).toAbsolutePath();
	}

	/** Saves the page, or one card of it, as {@code target/screenshots/<name>.png}. */
	private static void screenshot(String name, String cardId) {
		byte[] png = (cardId != null) ? element(cardId).getScreenshotAs(OutputType.BYTES)
				: browser.getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save the screenshot " + name, ex);
		}
	}

}
