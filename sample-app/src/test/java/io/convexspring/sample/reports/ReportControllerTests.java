package io.convexspring.sample.reports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;
import io.convexspring.sample.SampleHttp.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report endpoints over the card's row in the {@code reportStatuses} table: start, follow
 * over server-sent events (a live subscription), fail, reset; one card for every session.
 */
@SampleAppTest
class ReportControllerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	private SampleHttp http;

	/** The card is shared by every test of the context: each starts from a settled, reset card. */
	@BeforeEach
	void idleCard() {
		this.http = new SampleHttp(this.port);
		try (EventStream events = this.http.events("/api/reports/events")) {
			JsonNode state = events.next(WAIT);
			while (state.get("status").stringValue().equals("PENDING")) {
				state = events.next(WAIT);
			}
		}
		assertThat(this.http.delete("/api/reports").getBody().get("status").stringValue()).isEqualTo("IDLE");
	}

	@Test
	void aResetCardIsIdle() {
		JsonNode state = this.http.get("/api/reports").getBody();
		assertThat(state.get("status").stringValue()).isEqualTo("IDLE");
		assertThat(state.get("version").longValue()).isPositive();
		assertThat(state.get("report").isNull()).isTrue();
		assertThat(state.get("error").isNull()).isTrue();
		assertThat(state.get("reportType").isNull()).isTrue();
	}

	@Test
	void theEventsShowTheReportPendingThenReady() {
		try (EventStream events = this.http.events("/api/reports/events")) {
			JsonNode idle = events.next(WAIT);
			assertThat(idle.get("status").stringValue()).as("the current state first").isEqualTo("IDLE");
			ResponseEntity<JsonNode> started = generate("inventory");
			assertThat(started.getStatusCode().value()).isEqualTo(202);
			assertThat(started.getBody().get("status").stringValue()).isEqualTo("PENDING");
			assertThat(started.getBody().get("reportType").stringValue()).isEqualTo("inventory");
			JsonNode pending = events.next(WAIT);
			assertThat(pending.get("status").stringValue()).isEqualTo("PENDING");
			assertThat(pending.get("version").longValue()).isGreaterThan(idle.get("version").longValue());
			JsonNode ready = events.next(WAIT);
			assertThat(ready.get("status").stringValue()).isEqualTo("SUCCESS");
			assertThat(ready.get("version").longValue()).isGreaterThan(pending.get("version").longValue());
			JsonNode report = ready.get("report");
			assertThat(report.get("reportType").stringValue()).isEqualTo("inventory");
			assertThat(report.get("rows").longValue()).isEqualTo(3);
			assertThat(report.get("reportId").stringValue()).startsWith("rpt_");
			String downloadUrl = report.get("downloadUrl").stringValue();
			assertThat(downloadUrl).startsWith("data:text/csv;base64,");
			assertThat(new String(Base64.getDecoder().decode(downloadUrl.substring(downloadUrl.indexOf(',') + 1)),
					StandardCharsets.UTF_8)).startsWith("sku,name,in_stock\r\n");
		}
		JsonNode reset = this.http.delete("/api/reports").getBody();
		assertThat(reset.get("status").stringValue()).isEqualTo("IDLE");
		assertThat(reset.get("report").isNull()).isTrue();
	}

	@Test
	void aFailingReportEndsInErrorWithOnlyACodeAndAMessage() {
		try (EventStream events = this.http.events("/api/reports/events")) {
			events.next(WAIT);
			generate("broken");
			JsonNode error = events.nextWithStatus("ERROR", WAIT).get("error");
			assertThat(error.get("code").stringValue()).isEqualTo("REPORT_FAILED");
			assertThat(error.get("message").stringValue()).contains("Uncaught Error: Report data source timed out");
			assertThat(error.size()).as("nothing but the code and the message").isEqualTo(2);
		}
		assertThat(this.http.get("/api/reports").getBody().get("status").stringValue()).isEqualTo("ERROR");
	}

	@Test
	void aSecondReportWhileOneIsPendingIsRefused() {
		generate("users");
		ResponseEntity<JsonNode> second = generate("users");
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		assertThat(second.getBody().get("detail").stringValue()).isEqualTo("A report is already being generated");
	}

	@Test
	void anUnknownTypeIsRefusedBeforeAnythingIsWritten() {
		long version = this.http.get("/api/reports").getBody().get("version").longValue();
		ResponseEntity<JsonNode> refused = generate("weather");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("must be sales, inventory, users or broken");
		JsonNode state = this.http.get("/api/reports").getBody();
		assertThat(state.get("status").stringValue()).isEqualTo("IDLE");
		assertThat(state.get("version").longValue()).isEqualTo(version);
	}

	@Test
	void everySessionSeesTheSameCard() {
		generate("sales");
		SampleHttp otherBrowser = new SampleHttp(this.port);
		assertThat(otherBrowser.get("/api/reports").getBody().get("status").stringValue()).isIn("PENDING", "SUCCESS");
	}

	@Test
	void aRunEndingAfterAResetDoesNotOverwriteTheNewerRun() {
		try (EventStream events = this.http.events("/api/reports/events")) {
			events.next(WAIT);
			generate("users");
			this.http.delete("/api/reports");
			generate("inventory");
			// The users run ends first; its success names a run that is no longer the card's.
			JsonNode ready = events.nextWithStatus("SUCCESS", WAIT);
			assertThat(ready.get("report").get("reportType").stringValue()).isEqualTo("inventory");
		}
	}

	private ResponseEntity<JsonNode> generate(String reportType) {
		return this.http.postJson("/api/reports", "{\"reportType\":\"" + reportType + "\"}");
	}

}
