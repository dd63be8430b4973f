package io.convexspring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import io.convexspring.codec.ConvexInt64;
import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code reports:generate}: a slow action. It sleeps for the configured duration before it
 * answers, so the sample can show progress in the UI and tests can prove that a slow call does
 * not hold up others; the {@code broken} type fails only after the wait, like a real timeout.
 * The CSV is the one {@code reports.ts} builds, the sales report from the saved orders.
 */
final class ReportFunctions {

	private static final String[] TYPES = { "sales", "inventory", "users", "broken" };

	private final Duration duration;

	private final OrderStore orders;

	private ReportFunctions(Duration duration, OrderStore orders) {
		this.duration = duration;
		this.orders = orders;
	}

	static void registerTo(LocalConvexDeployment.Builder deployment, DemoSettings settings, OrderStore orders) {
		ReportFunctions reports = new ReportFunctions(settings.reportDuration(), orders);
		deployment.action("reports:generate", (call) -> reports.generate(Args.of(call), call));
	}

	private Object generate(Args args, FunctionCall call) throws InterruptedException {
		args.allowOnly("reportType");
		String reportType = args.oneOf("reportType", TYPES);
		call.log("Generating " + reportType + " report");
		Thread.sleep(this.duration.toMillis());
		if (reportType.equals("broken")) {
			throw new IllegalStateException("Report data source timed out");
		}
		String reportId = "rpt_" + UUID.randomUUID();
		CsvReports.Report report = CsvReports.generate(reportType, this.orders.newest(CsvReports.SALES_ORDERS));
		call.info("Report " + reportId + " ready: " + report.rows() + " rows");
		String downloadUrl = "data:text/csv;base64,"
				+ Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8));
		return ConvexValues.object("reportId", reportId, "reportType", reportType, "rows", ConvexInt64.of(report.rows()),
				"generatedAt", (double) System.currentTimeMillis(), "downloadUrl", downloadUrl);
	}

}
