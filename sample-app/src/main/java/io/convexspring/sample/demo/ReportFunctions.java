package io.convexspring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code reports:generate}: a slow action. It sleeps for the configured duration before it
 * answers, so the sample can show progress in the UI and tests can prove that a slow call does
 * not hold up others; the {@code broken} type fails only after the wait, like a real timeout.
 */
final class ReportFunctions {

	private static final String[] TYPES = { "sales", "inventory", "users", "broken" };

	private final Duration duration;

	private ReportFunctions(Duration duration) {
		this.duration = duration;
	}

	static void registerTo(FunctionRegistry registry, DemoSettings settings) {
		ReportFunctions reports = new ReportFunctions(settings.reportDuration());
		registry.register("reports:generate", FunctionKind.ACTION, reports::generate);
	}

	private Object generate(Args args, LogLines logs) throws InterruptedException {
		args.allowOnly("reportType");
		String reportType = args.oneOf("reportType", TYPES);
		logs.log("Generating " + reportType + " report");
		Thread.sleep(this.duration.toMillis());
		if (reportType.equals("broken")) {
			throw new IllegalStateException("Report data source timed out");
		}
		String reportId = "rpt_" + DemoIds.hex(12);
		CsvReports.Report report = CsvReports.generate(reportType);
		logs.info("Report " + reportId + " ready: " + report.rows() + " rows");
		String downloadUrl = "data:text/csv;base64,"
				+ Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8));
		return ConvexValues.object("reportId", reportId, "reportType", reportType, "rows", (long) report.rows(),
				"generatedAt", (double) System.currentTimeMillis(), "downloadUrl", downloadUrl);
	}

}
