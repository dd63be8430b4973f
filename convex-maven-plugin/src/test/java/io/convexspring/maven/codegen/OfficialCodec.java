package io.convexspring.maven.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.convexspring.maven.Golden;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/test/fixture/check-values.mjs}: wire values decoded by the official codec of
 * the fixture's {@code convex} package, checked against validators, encoded back.
 */
final class OfficialCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OfficialCodec() {
	}

	/** One result per value: {@code problem} ({@code null} when the validator accepts it) and {@code back}. */
	static JsonNode check(List<JsonNode> validators, List<String> wires) throws IOException, InterruptedException {
		ObjectNode request = JSON.createObjectNode();
		ArrayNode cases = request.putArray("cases");
		for (int i = 0; i < validators.size(); i++) {
			cases.addObject().set("validator", validators.get(i));
			((ObjectNode) cases.get(i)).set("wire", JSON.readTree(wires.get(i)));
		}
		Process node = new ProcessBuilder("node", "check-values.mjs").directory(Golden.FIXTURE.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		CompletableFuture<byte[]> output = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try {
				output.complete(node.getInputStream().readAllBytes());
			}
			catch (IOException ex) {
				output.completeExceptionally(new UncheckedIOException(ex));
			}
		});
		reader.start();
		try (OutputStream in = node.getOutputStream()) {
			in.write(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
		}
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
		assertThat(node.exitValue()).as("node's exit code").isZero();
		return JSON.readTree(new String(output.join(), StandardCharsets.UTF_8)).path("results");
	}

}
