package io.convexspring.sample.reports;

import org.springframework.beans.factory.ObjectProvider;
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

import io.convexspring.sample.api.Reports;
import io.convexspring.state.ConvexActionHandle;

/**
 * The report card's endpoints, on the caller's session {@link ConvexActionHandle handle}:
 * <ul>
 * <li>{@code POST /api/reports}: starts a report and answers at once (202) with the pending
 * state; the action runs on without holding a request thread;</li>
 * <li>{@code GET /api/reports/events}: the state as server-sent events, the current one first;</li>
 * <li>{@code GET /api/reports}: the state now;</li>
 * <li>{@code DELETE /api/reports}: back to idle, for "Generate another".</li>
 * </ul>
 */
@RestController
class ReportController {

	private final ObjectProvider<ConvexActionHandle<GenerateReport, Reports.GenerateResult>> handles;

	/** Ends every event stream when the application stops; see {@link #endStreams()}. */
	private final Sinks.Empty<Void> stopping = Sinks.empty();

	ReportController(ObjectProvider<ConvexActionHandle<GenerateReport, Reports.GenerateResult>> handles) {
		this.handles = handles;
	}

	@PostMapping("/api/reports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ReportView generate(@RequestBody GenerateReport request) {
		ConvexActionHandle<GenerateReport, Reports.GenerateResult> handle = this.handles.getObject();
		// The page disables its button while pending; this refuses a second tab's click too.
		// (Two clicks within the same instant both start, and the handle follows the later one.)
		if (handle.pending()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "A report is already being generated");
		}
		// The outcome lands in the handle's state; executeSafe never errors, so nothing goes unhandled.
		handle.executeSafe(request).subscribe();
		return ReportView.of(handle.state());
	}

	@GetMapping("/api/reports")
	ReportView state() {
		return ReportView.of(this.handles.getObject().state());
	}

	/**
	 * The handle's {@code states()} never completes: the stream lasts until the browser leaves,
	 * the container's async timeout ends it (then {@code EventSource} reconnects and gets the
	 * current state first again) or the application stops.
	 */
	@GetMapping(path = "/api/reports/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<ReportView>> events() {
		return this.handles.getObject()
			.states()
			.map((state) -> ServerSentEvent.builder(ReportView.of(state))
				.id(Long.toString(state.version()))
				.event("state")
				.build())
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
		ConvexActionHandle<GenerateReport, Reports.GenerateResult> handle = this.handles.getObject();
		handle.reset();
		return ReportView.of(handle.state());
	}

}
