package io.convexspring.sample.image;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.sample.SampleAppTest;
import io.convexspring.sample.SampleHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/images}: the image with its int64 seed intact, and the prompt's refusals.
 */
@SampleAppTest
class ImageControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConvexCodec codec;

	private SampleHttp http;

	@BeforeEach
	void session() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void withoutASizeTheFunctionsDefaultApplies() {
		ResponseEntity<JsonNode> response = this.http.postJson("/api/images", "{\"prompt\":\"A lighthouse at dusk\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode image = response.getBody();
		assertThat(image.get("size").stringValue()).isEqualTo("1024x1024");
		assertThat(image.get("prompt").stringValue()).isEqualTo("A lighthouse at dusk");
		assertThat(image.get("url").stringValue()).startsWith("data:image/svg+xml;base64,");
	}

	@Test
	void theSeedReachesTheBrowserAsAStringSoNoDigitIsLost() {
		JsonNode image = this.http.postJson("/api/images", "{\"prompt\":\"a cat\",\"size\":\"256x256\"}").getBody();
		assertThat(image.get("size").stringValue()).isEqualTo("256x256");
		assertThat(image.get("seed").isString()).isTrue();
		assertThat(Long.parseLong(image.get("seed").stringValue())).isNotNegative();
	}

	@Test
	void theSeedIsReadFromConvexAsAnInt64WithoutLoss() {
		// 2^53 + 1, which a double cannot hold, as 8 little-endian bytes
		GeneratedImage image = this.codec.fromWireJson(
				"{\"url\":\"u\",\"prompt\":\"p\",\"size\":\"s\",\"seed\":{\"$integer\":\"AQAAAAAAIAA=\"}}",
				GeneratedImage.class);
		assertThat(image.seed()).isEqualTo((1L << 53) + 1);
	}

	@Test
	void aBlankPromptIsTheFunctionsEmptyPromptError() {
		ResponseEntity<JsonNode> response = this.http.postJson("/api/images", "{\"prompt\":\"   \"}");
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		JsonNode problem = response.getBody();
		assertThat(problem.get("code").stringValue()).isEqualTo("EMPTY_PROMPT");
		assertThat(problem.get("data").get("message").stringValue()).isEqualTo("Describe the image you want");
		assertThat(problem.get("detail").stringValue()).contains("Describe the image you want");
	}

	@Test
	void anUnsupportedSizeIsRefusedBeforeAnyCall() {
		ResponseEntity<JsonNode> response = this.http.postJson("/api/images", "{\"prompt\":\"a cat\",\"size\":\"640x480\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().get("detail").stringValue())
			.isEqualTo("size: must be 256x256, 512x512 or 1024x1024");
	}

}
