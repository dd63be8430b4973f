package io.convexspring.sample.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/files}: an upload's bytes through the action, and the function's limits.
 */
@SampleAppTest
class FileControllerTests {

	private static final int FIVE_MIB = 5 * 1024 * 1024;

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void anUploadedFileIsDescribedAndItsBytesArriveIntact() throws Exception {
		byte[] content = "Hello Convex\nsecond line\n".getBytes(StandardCharsets.UTF_8);
		ResponseEntity<JsonNode> response = this.http.postFile("/api/files", "notes.txt", "text/plain", content);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode summary = response.getBody();
		assertThat(summary.get("fileName").stringValue()).isEqualTo("notes.txt");
		assertThat(summary.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(summary.get("sizeBytes").longValue()).isEqualTo(content.length);
		assertThat(summary.get("lines").longValue()).isEqualTo(2);
		assertThat(summary.get("words").longValue()).isEqualTo(4);
		assertThat(summary.get("sha256").stringValue())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(summary.get("preview").stringValue()).isEqualTo("Hello Convex\nsecond line\n");
	}

	@Test
	void anEmptyFileIsTheFunctionsEmptyFileError() {
		ResponseEntity<JsonNode> response = this.http.postFile("/api/files", "empty.txt", "text/plain", new byte[0]);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody().get("code").stringValue()).isEqualTo("EMPTY_FILE");
		assertThat(response.getBody().get("data").get("message").stringValue()).isEqualTo("The file is empty");
	}

	@Test
	void aFileOverFiveMebibytesReachesTheFunctionAndGetsItsLimit() {
		ResponseEntity<JsonNode> response = this.http.postFile("/api/files", "big.bin", "application/octet-stream",
				new byte[FIVE_MIB + 1]);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		JsonNode problem = response.getBody();
		assertThat(problem.get("code").stringValue()).isEqualTo("FILE_TOO_LARGE");
		assertThat(problem.get("data").get("maxBytes").longValue()).isEqualTo(FIVE_MIB);
		assertThat(problem.get("data").get("message").stringValue())
			.isEqualTo("The file is 5242881 bytes; the limit is 5242880 bytes (5 MiB)");
	}

}
