package io.convexspring.sample.reports;

import org.jspecify.annotations.Nullable;

import io.convexspring.sample.api.Reports;
import io.convexspring.sample.api.Tables;

/**
 * The report card's status as the page receives it, from the {@code reportStatuses} table.
 *
 * @param status {@code IDLE}, {@code PENDING}, {@code SUCCESS} or {@code ERROR}
 * @param reportType the type of the latest run, while there is one
 * @param report the last report made, kept while a newer one is pending or has failed
 * @param error why the latest run failed (a code and a message), when the status is {@code ERROR}
 * @param version increases with every write, so the page can ignore stale events
 */
record ReportView(String status, @Nullable String reportType, Tables.ReportStatuses.@Nullable Report report,
		Tables.ReportStatuses.@Nullable Error2 error, long version) {

	static ReportView of(Reports.SetStatusResult status) {
		return new ReportView(status.status().name(), status.reportType(), status.report(), status.error(),
				status.version());
	}

}
