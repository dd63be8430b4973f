package io.convexspring.sample;

import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A browser-like HTTP client for the sample app's endpoints: JSON in and out, error answers
 * returned rather than thrown, and its own cookie jar, so each instance is one session.
 */
public final class SampleHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient httpClient;

	private final RestClient client;

	public SampleHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.httpClient = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.client = RestClient.builder()
			.baseUrl(this.baseUrl)
			.requestFactory(new JdkClientHttpRequestFactory(this.httpClient))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public ResponseEntity<JsonNode> get(String path) {
		return this.client.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	public ResponseEntity<String> getText(String path) {
		return this.client.get().uri(path).retrieve().toEntity(String.class);
	}

	public ResponseEntity<JsonNode> delete(String path) {
		return this.client.method(HttpMethod.DELETE).uri(path).retrieve().toEntity(JsonNode.class);
	}

	/** Posts a JSON body written from the given text, so tests can send what Java would not. */
	public ResponseEntity<JsonNode> postJson(String path, String json) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	public ResponseEntity<JsonNode> postFile(String path, String fileName, String contentType, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		ByteArrayResource file = new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		};
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType));
		parts.add("file", new HttpEntity<>(file, headers));
		return this.client.post()
			.uri(path)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** Opens a server-sent event stream in this session; close it to disconnect. */
	public EventStream events(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
			.build();
		EventStream stream = new EventStream();
		this.httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(stream::read);
		return stream;
	}

	/** The {@code data} of the events of one stream, in order. */
	public static final class EventStream implements AutoCloseable {

		private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

		private volatile Stream<String> lines;

		private void read(HttpResponse<Stream<String>> response) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
			this.lines = response.body();
			try {
				this.lines.filter((line) -> line.startsWith("data:"))
					.forEach((line) -> this.events.add(JSON.readTree(line.substring("data:".length()))));
			}
			catch (UncheckedIOException ex) {
				// closed by the test
			}
		}

		/** Waits for the next event. */
		public JsonNode next(Duration timeout) {
			try {
				JsonNode event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
				if (event == null) {
					fail("No event within " + timeout);
				}
				return event;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Waits for the first event whose {@code status} is the given one, skipping others. */
		public JsonNode nextWithStatus(String status, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				JsonNode event = next(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
				if (event.get("status").stringValue().equals(status)) {
					return event;
				}
			}
		}

		@Override
		public void close() {
			Stream<String> lines = this.lines;
			if (lines != null) {
				lines.close();
			}
		}

	}

}
