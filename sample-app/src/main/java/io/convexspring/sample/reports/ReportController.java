package io.convexspring.sample.reports;

import jakarta.validation.Valid;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveServerSentEvents;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Reports;

/**
 * The report card's endpoints, over the card's row in the {@code reportStatuses} table, so every
 * instance of the app answers alike:
 * <ul>
 * <li>{@code POST /api/reports}: writes pending, starts the report and answers at once (202);
 * 409 while a run is pending, whichever instance started it;</li>
 * <li>{@code GET /api/reports/events}: a live subscription to {@code reports:status} as
 * server-sent events, the current status first;</li>
 * <li>{@code GET /api/reports}: the status now;</li>
 * <li>{@code DELETE /api/reports}: back to idle, for "Generate another".</li>
 * </ul>
 */
@RestController
class ReportController {

	private static final Reports.StatusArgs CARD = new Reports.StatusArgs(ReportRuns.CARD);

	private final ReportRuns runs;

	private final ConvexQueryClient queries;

	private final ConvexLiveClient live;

	private final ConvexLiveServerSentEvents serverSentEvents;

	/** Ends every event stream when the application stops; see {@link #endStreams()}. */
	private final Sinks.Empty<Void> stopping = Sinks.empty();

	ReportController(ReportRuns runs, ConvexQueryClient queries, ConvexLiveClient live,
			ConvexLiveServerSentEvents serverSentEvents) {
		this.runs = runs;
		this.queries = queries;
		this.live = live;
		this.serverSentEvents = serverSentEvents;
	}

	@PostMapping("/api/reports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ReportView generate(@Valid @RequestBody GenerateReport request) {
		try {
			return ReportView.of(this.runs.start(request));
		}
		catch (ConvexApplicationException ex) {
			if (ex.code().filter("REPORT_PENDING"::equals).isPresent()) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, "A report is already being generated");
			}
			throw ex;
		}
	}

	@GetMapping("/api/reports")
	ReportView state() {
		return ReportView.of(this.queries.executeBlocking(Api.reports.status, CARD));
	}

	/**
	 * One subscription per stream, shared on the socket with every other stream of the same
	 * query. It never completes by itself: the stream lasts until the browser leaves, the
	 * container's async timeout ends it (then {@code EventSource} reconnects and gets the current
	 * status first again) or the application stops. Heartbeat comments keep proxies from closing
	 * a quiet stream.
	 */
	@GetMapping(path = "/api/reports/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<ReportView>> events() {
		return this.serverSentEvents
			.events(this.live.subscribe(Api.reports.status, CARD).map(ReportView::of), "state")
			.takeUntilOther(this.stopping.asMono());
	}

	/**
	 * Completes the open event streams as the application starts to close, before the web
	 * server's graceful shutdown, which would otherwise wait for them as for requests in flight.
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.stopping.tryEmitEmpty();
	}

	@DeleteMapping("/api/reports")
	ReportView reset() {
		return ReportView.of(this.runs.reset());
	}

}
