package io.convexspring.sample.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reports:setStatus} and {@code reports:status} over real HTTP, with the rules of
 * {@code reports.ts}: one pending run at a time, a run's end ignored once it is no longer the
 * card's, the last report kept while a newer run is pending or has failed. Each test has its
 * own card.
 */
class ReportStatusFunctionsTests {

	private static final Map<String, Object> REPORT = Map.of("reportId", "rpt_1", "reportType", "users", "rows",
			DemoHttp.int64(4), "generatedAt", 1.0e12, "downloadUrl", "data:text/csv;base64,");

	private static DemoConvexBackend backend;

	private static DemoHttp http;

	private final String card = "card-" + UUID.randomUUID();

	@BeforeAll
	static void startBackend() {
		backend = DemoConvexBackend.start(0, new DemoSettings(Duration.ofMillis(50)));
		http = new DemoHttp(backend.url());
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void aCardNeverWrittenIsIdleAtVersionZero() {
		JsonNode status = status();
		assertThat(status.get("status").stringValue()).isEqualTo("idle");
		assertThat(status.get("version").doubleValue()).isZero();
		assertThat(status.size()).as("nothing else: %s", status).isEqualTo(2);
	}

	@Test
	void aRunGoesFromPendingToSuccessWithItsReport() {
		JsonNode pending = value(set("pending", "run-1", "reportType", "users"));
		assertThat(pending.get("status").stringValue()).isEqualTo("pending");
		assertThat(pending.get("runId").stringValue()).isEqualTo("run-1");
		assertThat(pending.get("reportType").stringValue()).isEqualTo("users");
		assertThat(pending.get("version").doubleValue()).isEqualTo(1.0);
		JsonNode success = value(set("success", "run-1", "report", REPORT));
		assertThat(success.get("status").stringValue()).isEqualTo("success");
		assertThat(success.get("reportType").stringValue()).as("kept from pending").isEqualTo("users");
		assertThat(DemoHttp.int64(success.get("report").get("rows"))).isEqualTo(4);
		assertThat(success.get("version").doubleValue()).isEqualTo(2.0);
		assertThat(status()).isEqualTo(success);
	}

	@Test
	void aSecondPendingRunIsRefusedWithReportPending() {
		value(set("pending", "run-1"));
		JsonNode refused = set("pending", "run-2");
		assertThat(refused.get("status").stringValue()).isEqualTo("error");
		assertThat(refused.get("errorData").get("code").stringValue()).isEqualTo("REPORT_PENDING");
		assertThat(status().get("runId").stringValue()).isEqualTo("run-1");
	}

	@Test
	void theEndOfARunThatIsNoLongerTheCardsIsIgnored() {
		value(set("pending", "run-1"));
		JsonNode idle = value(set("idle", null));
		assertThat(idle.has("runId")).isFalse();
		JsonNode ignored = value(set("success", "run-1", "report", REPORT));
		assertThat(ignored).isEqualTo(idle);
		assertThat(status()).isEqualTo(idle);
	}

	@Test
	void theLastReportIsKeptWhileANewerRunIsPendingOrHasFailedAndClearedByAReset() {
		value(set("pending", "run-1"));
		value(set("success", "run-1", "report", REPORT));
		assertThat(value(set("pending", "run-2")).get("report")).isNotNull();
		JsonNode failed = value(set("error", "run-2", "error", Map.of("code", "X", "message", "broke")));
		assertThat(failed.get("error").get("message").stringValue()).isEqualTo("broke");
		assertThat(failed.get("report").get("reportId").stringValue()).isEqualTo("rpt_1");
		JsonNode idle = value(set("idle", null));
		assertThat(idle.has("report")).isFalse();
		assertThat(idle.has("error")).isFalse();
		assertThat(idle.get("version").doubleValue()).isEqualTo(5.0);
	}

	@Test
	void successWithoutAReportAndRunsWithoutAnIdAreRefused() {
		value(set("pending", "run-1"));
		assertThat(set("success", "run-1").get("errorData").get("code").stringValue()).isEqualTo("MISSING_REPORT");
		assertThat(set("error", "run-1").get("errorData").get("code").stringValue()).isEqualTo("MISSING_ERROR");
		assertThat(set("pending", null).get("errorData").get("code").stringValue()).isEqualTo("MISSING_RUN_ID");
	}

	private JsonNode set(String status, String runId, Object... more) {
		Map<String, Object> args = new HashMap<>(Map.of("card", this.card, "status", status));
		if (runId != null) {
			args.put("runId", runId);
		}
		for (int i = 0; i < more.length; i += 2) {
			args.put((String) more[i], more[i + 1]);
		}
		return http.call("mutation", "reports:setStatus", args);
	}

	private JsonNode status() {
		return value(http.call("query", "reports:status", Map.of("card", this.card)));
	}

	private static JsonNode value(JsonNode result) {
		assertThat(result.get("status").stringValue()).as(result.toString()).isEqualTo("success");
		return result.get("value");
	}

}
