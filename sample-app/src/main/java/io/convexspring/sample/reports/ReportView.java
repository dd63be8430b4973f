package io.convexspring.sample.reports;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

import io.convexspring.sample.api.Reports;
import io.convexspring.sample.web.ConvexErrorHandler;
import io.convexspring.state.ActionState;
import io.convexspring.state.ActionStatus;

/**
 * A report handle's state as the page receives it: the error as the same problem detail that
 * the other endpoints answer with.
 *
 * @param status {@code IDLE}, {@code PENDING}, {@code SUCCESS} or {@code ERROR}
 * @param report the last report made, kept while a newer one is pending or has failed
 * @param error why the latest attempt failed, when the status is {@code ERROR}
 * @param version increases with every change, so the page can ignore stale events
 */
record ReportView(ActionStatus status, Reports.@Nullable GenerateResult report, @Nullable ProblemDetail error, long version) {

	static ReportView of(ActionState<Reports.GenerateResult> state) {
		ProblemDetail error = (state.error() != null) ? ConvexErrorHandler.problemFor(state.error()) : null;
		return new ReportView(state.status(), state.data(), error, state.version());
	}

}
