package io.convexspring.state;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static io.convexspring.state.SendEmail.SEND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of an {@link ActionState}: a view safe for a browser, as a controller returns it and
 * as {@code states()} streams it as server-sent events.
 */
class ActionStateJsonTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String SERVER_MESSAGE = "[Request ID: 7d1e] Server Error\\nUncaught Error: password hunter2\\n"
			+ "    at handler (../convex/emails.ts:12:9)";

	private final ControlledBackend backend = new ControlledBackend();

	private final JsonMapper json = JsonMapper.builder().build();

	private ConvexActionHandle<SendEmail, Receipt> failed(String answer) {
		ConvexActionHandle<SendEmail, Receipt> handle = this.backend.client().action(SEND);
		CompletableFuture<ActionResult<Receipt>> result = handle.executeSafe(SendEmail.valid()).toFuture();
		this.backend.next().respondWith(answer);
		assertThat(result).succeedsWithin(TIMEOUT);
		return handle;
	}

	@Test
	void functionFailureShowsCodeMessageAndFunctionOnly() {
		ConvexActionHandle<SendEmail, Receipt> handle = failed(
				"{\"status\":\"error\",\"errorMessage\":\"" + SERVER_MESSAGE + "\"}");
		assertThat(this.json.writeValueAsString(handle.state()))
			.isEqualTo("{\"status\":\"ERROR\",\"data\":null,\"error\":{\"code\":null,"
					+ "\"message\":\"Convex action emails:send failed\",\"function\":\"emails:send\"},\"version\":2}");
	}

	@Test
	void convexErrorShowsItsDataAsTheMessageAndItsCode() {
		ConvexActionHandle<SendEmail, Receipt> handle = failed("{\"status\":\"error\",\"errorMessage\":\"x\","
				+ "\"errorData\":{\"code\":\"MAILBOX_FULL\",\"retry\":false}}");
		assertThat(this.json.writeValueAsString(handle.state())).contains("\"error\":{\"code\":\"MAILBOX_FULL\","
				+ "\"message\":\"{\\\"code\\\":\\\"MAILBOX_FULL\\\",\\\"retry\\\":false}\",\"function\":\"emails:send\"}");
	}

	@Test
	void statesStreamedAsServerSentEventsAreTheSafeView() {
		ConvexActionHandle<SendEmail, Receipt> handle = failed(
				"{\"status\":\"error\",\"errorMessage\":\"" + SERVER_MESSAGE + "\"}");
		String events = WebTestClient.bindToController(new StatesController(handle))
			.build()
			.get()
			.uri("/states")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.take(1)
			.blockFirst(TIMEOUT);
		assertThat(events).isEqualTo("{\"status\":\"ERROR\",\"data\":null,\"error\":{\"code\":null,"
				+ "\"message\":\"Convex action emails:send failed\",\"function\":\"emails:send\"},\"version\":2}");
		assertThat(events).doesNotContain("stackTrace").doesNotContain("cause").doesNotContain("hunter2");
	}

	@RestController
	static class StatesController {

		private final ConvexActionHandle<SendEmail, Receipt> handle;

		StatesController(ConvexActionHandle<SendEmail, Receipt> handle) {
			this.handle = handle;
		}

		@GetMapping(path = "/states", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<ActionState<Receipt>> states() {
			return this.handle.states();
		}

	}

}
