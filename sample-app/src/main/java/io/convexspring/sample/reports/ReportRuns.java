package io.convexspring.sample.reports;

import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.sample.ConvexFunctions;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Reports;
import io.convexspring.sample.api.Tables;
import io.convexspring.sample.api.Tables.ReportStatuses.Status;

/**
 * Runs reports and keeps the card's status in the {@code reportStatuses} table through the
 * {@code reports:setStatus} mutation: pending as a run starts, then success with the report or
 * error with a safe view of the failure. The table, not this JVM, holds the status, so every
 * instance of the app on the same deployment shows the same card, and the mutation refusing a
 * second pending run keeps two instances from starting two at once.
 */
@Component
class ReportRuns {

	/** The one report card of this app; a multi-tenant app would key it by team or user. */
	static final String CARD = "reports";

	/** The error code written for a failure that is not a Convex one (this app's own bug). */
	static final String UNEXPECTED = "REPORT_FAILED";

	private static final Log logger = LogFactory.getLog(ReportRuns.class);

	private final ConvexActionClient actions;

	private final ConvexMutationClient mutations;

	ReportRuns(ConvexActionClient actions, ConvexMutationClient mutations) {
		this.actions = actions;
		this.mutations = mutations;
	}

	/**
	 * Writes the card's pending status, then runs the report without holding the caller's
	 * thread and writes how it ended.
	 * @param request the validated report request
	 * @return the pending status as written
	 * @throws ConvexApplicationException with code {@code REPORT_PENDING} when a run is already
	 * pending on any instance
	 */
	Reports.SetStatusResult start(GenerateReport request) {
		String runId = UUID.randomUUID().toString();
		Reports.SetStatusResult pending = write(new Reports.SetStatusArgs(CARD, Status.PENDING, runId,
				request.reportType(), null, null)).block();
		this.actions.execute(ConvexFunctions.GENERATE_REPORT, request)
			.flatMap((report) -> write(new Reports.SetStatusArgs(CARD, Status.SUCCESS, runId, null, report, null)))
			.onErrorResume((failure) -> write(new Reports.SetStatusArgs(CARD, Status.ERROR, runId, null, null,
					safeView(failure))))
			// Only the last write can fail here (the backend gone); the card then stays pending
			// until someone resets it, and the log says why.
			.subscribe(null, (failure) -> logger.warn("Could not record how report run " + runId + " ended", failure));
		return pending;
	}

	/**
	 * Resets the card to idle; a run still going then ends unrecorded, as the mutation ignores
	 * a run that is no longer the card's.
	 * @return the idle status as written
	 */
	Reports.SetStatusResult reset() {
		return write(new Reports.SetStatusArgs(CARD, Status.IDLE, null, null, null, null)).block();
	}

	private Mono<Reports.SetStatusResult> write(Reports.SetStatusArgs status) {
		return this.mutations.execute(Api.reports.setStatus, status);
	}

	/**
	 * What everyone who sees the card may read: a code and a message, never the exception's data,
	 * log lines or stack. A {@code ConvexError} gives its own {@code code} and {@code message};
	 * another Convex failure its code (or {@value #UNEXPECTED}) and the client's message, which
	 * never holds credentials; anything else a fixed text.
	 */
	static Tables.ReportStatuses.Error2 safeView(Throwable failure) {
		if (failure instanceof ConvexApplicationException application && application.data().path("message").isString()) {
			return new Tables.ReportStatuses.Error2(application.code().orElse(UNEXPECTED),
					application.data().path("message").asString());
		}
		if (failure instanceof ConvexException convex) {
			return new Tables.ReportStatuses.Error2(convex.code().orElse(UNEXPECTED), String.valueOf(convex.getMessage()));
		}
		return new Tables.ReportStatuses.Error2(UNEXPECTED, "The report could not be generated");
	}

}
