package io.convexspring.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import io.convexspring.live.LiveFixtures.Channel;

import static io.convexspring.live.LiveFixtures.LIST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live queries streamed to browsers as server-sent events: in Spring MVC on a real Tomcat,
 * where a browser that leaves is noticed on the next heartbeat and its query removed, and in
 * WebFlux.
 */
class ConvexLiveServerSentEventsTests {

	private final SyncTestServer server = SyncTestServer.start();

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void anMvcStreamSendsEachResultWithHeartbeatsInBetween() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MvcApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"convex.url=" + this.server.url(), "convex.live.sse-heartbeat=300ms")
			.run()) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ScriptedSocket socket;
			try (Socket browser = new Socket("127.0.0.1", port)) {
				browser.getOutputStream()
					.write(("GET /messages/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket = this.server.accept();
				socket.next("Connect");
				socket.next("ModifyQuerySet");
				socket.transition(100, Frames.updated(0, "[\"hello\"]"));
				BufferedReader events = new BufferedReader(
						new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
				assertThat(readUntil(events, "data:")).isEqualTo("data:[\"hello\"]");
				assertThat(readUntil(events, ":")).isEqualTo(":heartbeat");
				socket.transition(200, Frames.updated(0, "[\"hello\",\"again\"]"));
				assertThat(readUntil(events, "data:")).isEqualTo("data:[\"hello\",\"again\"]");
			}
			assertThat(socket.next("ModifyQuerySet").get("modifications").toString()).contains("Remove");
		}
	}

	@Test
	void theQueryOfABrowserThatLeftIsRemovedWithinTenSeconds() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MvcApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"convex.url=" + this.server.url())
			.run()) {
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ScriptedSocket socket;
			try (Socket browser = new Socket("127.0.0.1", port)) {
				browser.getOutputStream()
					.write(("GET /messages/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket = this.server.accept();
				socket.next("Connect");
				socket.next("ModifyQuerySet");
				socket.transition(100, Frames.updated(0, "[\"hello\"]"));
				BufferedReader events = new BufferedReader(
						new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
				assertThat(readUntil(events, "data:")).isEqualTo("data:[\"hello\"]");
			}
			// with the default heartbeat (3 s), the second write after the browser left fails within 10 s
			JsonNode remove = socket.next("ModifyQuerySet");
			assertThat(remove.get("modifications").toString()).isEqualTo("[{\"type\":\"Remove\",\"queryId\":0}]");
		}
	}

	@Test
	void aWebFluxStreamSendsEachResultAndRemovesTheQueryWhenCancelled() {
		ConvexLiveClient live = LiveFixtures.client(this.server).build();
		try {
			WebTestClient client = WebTestClient
				.bindToController(new MessagesController(live, new ConvexLiveServerSentEvents(Duration.ofMillis(200))))
				.build();
			Flux<String> body = client.get()
				.uri("/messages/live")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody();
			Collected<String> received = Collected.of(body);
			ScriptedSocket socket = this.server.accept();
			socket.next("Connect");
			socket.next("ModifyQuerySet");
			socket.transition(100, Frames.updated(0, "[\"hello\"]"));
			assertThat(received.next()).isEqualTo("[\"hello\"]");
			received.cancel();
			assertThat(socket.next("ModifyQuerySet").get("modifications").toString()).contains("Remove");
		}
		finally {
			live.close();
		}
	}

	private static String readUntil(BufferedReader events, String prefix) throws Exception {
		for (String line = events.readLine(); line != null; line = events.readLine()) {
			if (line.startsWith(prefix)) {
				return line;
			}
		}
		throw new AssertionError("the stream ended before a line starting with " + prefix);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(MessagesController.class)
	static class MvcApplication {

	}

	@RestController
	static class MessagesController {

		private final ConvexLiveClient live;

		private final ConvexLiveServerSentEvents sse;

		MessagesController(ConvexLiveClient live, ConvexLiveServerSentEvents sse) {
			this.live = live;
			this.sse = sse;
		}

		@GetMapping(path = "/messages/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<ServerSentEvent<List<String>>> messages() {
			return this.sse.events(this.live.subscribe(LIST, new Channel("general")));
		}

	}

}
