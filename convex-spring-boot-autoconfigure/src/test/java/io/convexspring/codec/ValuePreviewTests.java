package io.convexspring.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ValuePreview}: JSON-like previews, bytes as their length, cut at a size.
 */
class ValuePreviewTests {

	@Test
	void recordsMapsAndListsReadLikeJson() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("tags", List.of("new", 2));
		map.put("total", 12.5);
		assertThat(ValuePreview.of(new Order("o1", map, null), 500))
			.isEqualTo("{\"id\": \"o1\", \"details\": {\"tags\": [\"new\", 2], \"total\": 12.5}, \"note\": null}");
	}

	@Test
	void bytesShowAsTheirLengthWhereverTheyAre() {
		assertThat(ValuePreview.of(new byte[1234], 500)).isEqualTo("<bytes: 1234>");
		assertThat(ValuePreview.of(Map.of("image", new byte[3]), 500)).isEqualTo("{\"image\": <bytes: 3>}");
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("data", new byte[7]);
		assertThat(ValuePreview.of(node, 500)).isEqualTo("{\"data\": <bytes: 7>}");
	}

	@Test
	void longPreviewsAreCutAtTheSize() {
		assertThat(ValuePreview.of("x".repeat(10_000), 20)).isEqualTo("\"" + "x".repeat(19) + ValuePreview.TRUNCATED);
		assertThat(ValuePreview.of(List.of("aaaa", "bbbb", "cccc"), 10))
			.isEqualTo("[\"aaaa\", \"" + ValuePreview.TRUNCATED);
		assertThat(ValuePreview.of("short", 7)).isEqualTo("\"short\"");
	}

	@Test
	void aHugeValueIsNotRenderedBeyondThePreview() {
		List<String> huge = java.util.Collections.nCopies(5_000_000, "value");
		long start = System.nanoTime();
		assertThat(ValuePreview.of(huge, 50)).endsWith(ValuePreview.TRUNCATED)
			.hasSize(50 + ValuePreview.TRUNCATED.length());
		assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500));
	}

	@Test
	void nullAndScalars() {
		assertThat(ValuePreview.of(null, 10)).isEqualTo("null");
		assertThat(ValuePreview.of(42L, 10)).isEqualTo("42");
		assertThat(ValuePreview.of(new int[] { 1, 2 }, 10)).isEqualTo("[1, 2]");
	}

	record Order(String id, Map<String, Object> details, String note) {
	}

}
