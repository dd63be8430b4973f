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
 * The report endpoints on the session's action handle: start, follow over server-sent events,
 * fail, reset; one handle per session.
 */
@SampleAppTest
class ReportControllerTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aNewSessionStartsIdle() {
		JsonNode state = this.http.get("/api/reports").getBody();
		assertThat(state.get("status").stringValue()).isEqualTo("IDLE");
		assertThat(state.get("version").longValue()).isZero();
		assertThat(state.get("report").isNull()).isTrue();
		assertThat(state.get("error").isNull()).isTrue();
	}

	@Test
	void theEventsShowTheReportPendingThenReady() {
		this.http.get("/api/reports");
		try (EventStream events = this.http.events("/api/reports/events")) {
			assertThat(events.next(WAIT).get("status").stringValue()).as("the current state first").isEqualTo("IDLE");
			ResponseEntity<JsonNode> started = generate("inventory");
			assertThat(started.getStatusCode().value()).isEqualTo(202);
			assertThat(started.getBody().get("status").stringValue()).isEqualTo("PENDING");
			assertThat(events.next(WAIT).get("status").stringValue()).isEqualTo("PENDING");
			JsonNode ready = events.next(WAIT);
			assertThat(ready.get("status").stringValue()).isEqualTo("SUCCESS");
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
	void aFailingReportEndsInErrorWithTheProblemDetailOfTheOtherEndpoints() {
		this.http.get("/api/reports");
		try (EventStream events = this.http.events("/api/reports/events")) {
			generate("broken");
			JsonNode failed = events.nextWithStatus("ERROR", WAIT);
			JsonNode error = failed.get("error");
			assertThat(error.get("status").intValue()).isEqualTo(502);
			assertThat(error.get("function").stringValue()).isEqualTo("reports:generate");
			assertThat(error.get("title").stringValue()).isEqualTo("Convex action reports:generate failed");
			assertThat(error.get("detail").stringValue()).contains("Uncaught Error: Report data source timed out");
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
	void theHandleChecksTheArgumentsBeforeSendingThem() {
		JsonNode state = generate("weather").getBody();
		assertThat(state.get("status").stringValue()).as("failed at once, without a call").isEqualTo("ERROR");
		assertThat(state.get("error").get("status").intValue()).isEqualTo(400);
		assertThat(state.get("error").get("detail").stringValue())
			.endsWith("at reportType: must be sales, inventory, users or broken");
	}

	@Test
	void eachSessionHasItsOwnHandle() {
		generate("sales");
		SampleHttp otherBrowser = new SampleHttp(this.port);
		assertThat(otherBrowser.get("/api/reports").getBody().get("status").stringValue()).isEqualTo("IDLE");
		assertThat(this.http.get("/api/reports").getBody().get("status").stringValue()).isIn("PENDING", "SUCCESS");
	}

	private ResponseEntity<JsonNode> generate(String reportType) {
		return this.http.postJson("/api/reports", "{\"reportType\":\"" + reportType + "\"}");
	}

}
