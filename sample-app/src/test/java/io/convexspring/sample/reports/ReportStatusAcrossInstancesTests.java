package io.convexspring.sample.reports;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleApplication;
import io.convexspring.sample.SampleHttp;
import io.convexspring.sample.SampleHttp.EventStream;
import io.convexspring.sample.demo.DemoConvexBackend;
import io.convexspring.sample.demo.DemoSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample app (two application contexts, each on its own random port) on
 * one deployment, the way a team runs replicas behind a load balancer: the report card's status
 * lives in the deployment's {@code reportStatuses} table, so a report started through one
 * instance is followed to its end in the other's event stream, and a run pending on one refuses
 * a second through the other.
 */
class ReportStatusAcrossInstancesTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static DemoConvexBackend backend;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private SampleHttp a;

	private SampleHttp b;

	@BeforeAll
	static void startTwoInstancesOnOneBackend() {
		backend = DemoConvexBackend.start(0, new DemoSettings(Duration.ofMillis(500)));
		first = instance();
		second = instance();
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "convex.url=" + backend.url(), "spring.main.banner-mode=off")
			.run();
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		if (backend != null) {
			backend.close();
		}
	}

	@BeforeEach
	void clients() {
		this.a = new SampleHttp(port(first));
		this.b = new SampleHttp(port(second));
		assertThat(port(first)).isNotEqualTo(port(second));
		assertThat(this.a.delete("/api/reports").getBody().get("status").stringValue()).isEqualTo("IDLE");
	}

	@Test
	void aReportStartedOnOneInstanceIsFollowedToItsEndOnTheOther() {
		try (EventStream onB = this.b.events("/api/reports/events")) {
			assertThat(onB.next(WAIT).get("status").stringValue()).isEqualTo("IDLE");
			assertThat(generate(this.a, "inventory").getStatusCode().value()).isEqualTo(202);
			JsonNode pending = onB.next(WAIT);
			assertThat(pending.get("status").stringValue()).isEqualTo("PENDING");
			assertThat(pending.get("reportType").stringValue()).isEqualTo("inventory");
			ResponseEntity<JsonNode> secondRun = generate(this.b, "users");
			assertThat(secondRun.getStatusCode().value()).as("the run pending on A refuses one on B").isEqualTo(409);
			JsonNode ready = onB.next(WAIT);
			assertThat(ready.get("status").stringValue()).isEqualTo("SUCCESS");
			assertThat(ready.get("report").get("reportType").stringValue()).isEqualTo("inventory");
			assertThat(ready.get("report").get("rows").longValue()).isEqualTo(3);
		}
		assertThat(this.a.get("/api/reports").getBody()).as("both instances answer alike")
			.isEqualTo(this.b.get("/api/reports").getBody());
	}

	@Test
	void aReportFailingOnOneInstanceShowsItsErrorOnTheOther() {
		try (EventStream onB = this.b.events("/api/reports/events")) {
			assertThat(onB.next(WAIT).get("status").stringValue()).isEqualTo("IDLE");
			generate(this.a, "broken");
			assertThat(onB.next(WAIT).get("status").stringValue()).isEqualTo("PENDING");
			JsonNode failed = onB.next(WAIT);
			assertThat(failed.get("status").stringValue()).isEqualTo("ERROR");
			assertThat(failed.get("error").get("code").stringValue()).isEqualTo("REPORT_FAILED");
			assertThat(failed.get("error").get("message").stringValue())
				.contains("Uncaught Error: Report data source timed out");
		}
		// "Try again" on the other instance: B starts the next run and A's card is that run's.
		try (EventStream onA = this.a.events("/api/reports/events")) {
			assertThat(onA.next(WAIT).get("status").stringValue()).isEqualTo("ERROR");
			assertThat(generate(this.b, "sales").getStatusCode().value()).isEqualTo(202);
			JsonNode ready = onA.nextWithStatus("SUCCESS", WAIT);
			assertThat(ready.get("report").get("reportType").stringValue()).isEqualTo("sales");
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static ResponseEntity<JsonNode> generate(SampleHttp http, String reportType) {
		return http.postJson("/api/reports", "{\"reportType\":\"" + reportType + "\"}");
	}

}
