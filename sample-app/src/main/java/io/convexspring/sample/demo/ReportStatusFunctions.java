package io.convexspring.sample.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.convexspring.codec.ConvexInt64;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code reports:setStatus} (a mutation) and {@code reports:status} (a query) over the
 * {@code reportStatuses} table, one row per report card, as in {@code reports.ts}: the table is
 * what every instance of the app reads, so a status written through one is what the others'
 * subscribers get next.
 */
final class ReportStatusFunctions {

	private static final String[] STATUSES = { "idle", "pending", "success", "error" };

	/** The table: a card's key to its status view. Queries run concurrently, hence synchronized. */
	private final Map<String, Map<String, @Nullable Object>> rows = new HashMap<>();

	private ReportStatusFunctions() {
	}

	static void registerTo(LocalConvexDeployment.Builder deployment) {
		ReportStatusFunctions statuses = new ReportStatusFunctions();
		deployment.mutation("reports:setStatus", (call) -> statuses.setStatus(Args.of(call)));
		deployment.query("reports:status", (call) -> statuses.status(Args.of(call)));
	}

	private Map<String, @Nullable Object> status(Args args) {
		args.allowOnly("card");
		return current(args.string("card"));
	}

	private synchronized Map<String, @Nullable Object> current(String card) {
		Map<String, @Nullable Object> row = this.rows.get(card);
		return (row != null) ? row : ConvexValues.object("status", "idle", "version", 0.0);
	}

	private synchronized Map<String, @Nullable Object> setStatus(Args args) {
		args.allowOnly("card", "status", "runId", "reportType", "report", "error");
		String card = args.string("card");
		String status = args.oneOf("status", STATUSES);
		Optional<String> runId = args.optionalString("runId");
		Optional<String> reportType = args.optionalString("reportType");
		Optional<Map<String, @Nullable Object>> report = args.optionalObject("report").map(ReportStatusFunctions::report);
		Optional<Map<String, @Nullable Object>> error = args.optionalObject("error").map(ReportStatusFunctions::error);
		Map<String, @Nullable Object> current = current(card);
		if (!status.equals("idle") && runId.isEmpty()) {
			throw ConvexErrors.of("MISSING_RUN_ID", "A " + status + " status needs a runId");
		}
		if (status.equals("pending") && "pending".equals(current.get("status"))) {
			throw ConvexErrors.of("REPORT_PENDING", "A report is already being generated");
		}
		if ((status.equals("success") || status.equals("error")) && !runId.equals(Optional.ofNullable(current.get("runId")))) {
			return current; // a newer run or a reset replaced this one
		}
		if (status.equals("success") && report.isEmpty()) {
			throw ConvexErrors.of("MISSING_REPORT", "A success status needs its report");
		}
		if (status.equals("error") && error.isEmpty()) {
			throw ConvexErrors.of("MISSING_ERROR", "An error status needs its error");
		}
		Map<String, @Nullable Object> next = ConvexValues.object("status", status);
		if (!status.equals("idle")) {
			next.put("runId", runId.get());
			Object type = reportType.isPresent() ? reportType.get() : current.get("reportType");
			if (type != null) {
				next.put("reportType", type);
			}
			Object kept = status.equals("success") ? report.get() : current.get("report");
			if (kept != null) {
				next.put("report", kept);
			}
		}
		error.filter((ignored) -> status.equals("error")).ifPresent((value) -> next.put("error", value));
		next.put("version", (double) current.get("version") + 1);
		Map<String, @Nullable Object> row = java.util.Collections.unmodifiableMap(next);
		this.rows.put(card, row);
		return row;
	}

	private static Map<String, @Nullable Object> report(Args report) {
		report.allowOnly("reportId", "reportType", "rows", "generatedAt", "downloadUrl");
		return ConvexValues.object("reportId", report.string("reportId"), "reportType", report.string("reportType"),
				"rows", ConvexInt64.of(report.int64("rows")), "generatedAt", report.number("generatedAt"),
				"downloadUrl", report.string("downloadUrl"));
	}

	private static Map<String, @Nullable Object> error(Args error) {
		error.allowOnly("code", "message");
		return ConvexValues.object("code", error.string("code"), "message", error.string("message"));
	}

}
