package io.convexspring.sample;

import io.convexspring.client.ConvexAction;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Tables;
import io.convexspring.sample.reports.GenerateReport;

/**
 * The one function reference this app does not take straight from the generated
 * {@link Api} (built from {@code convex/}'s functions by {@code convex-maven-plugin}).
 */
public final class ConvexFunctions {

	/**
	 * {@code reports:generate}, with the page's own validated request as its arguments: the
	 * controller checks {@link GenerateReport}'s constraint ({@code @Valid}) before it writes or
	 * sends anything, which the generated {@code Reports.GenerateArgs} (an enum, so no unknown
	 * type can even be built) would leave nothing to show. Path and result type are the generated
	 * ones (the result is the same validator as the {@code reportStatuses} table's report, so the
	 * generator gives it that type), and {@code GenerateReport} has the same wire shape: a
	 * {@code reportType} string.
	 */
	public static final ConvexAction<GenerateReport, Tables.ReportStatuses.Report> GENERATE_REPORT = ConvexAction
		.of(Api.reports.generate.path(), GenerateReport.class, Tables.ReportStatuses.Report.class);

	private ConvexFunctions() {
	}

}
