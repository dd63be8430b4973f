package io.convexspring.sample.image;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.convexspring.sample.api.Ai;

/**
 * What {@code POST /api/images} answers: the result of {@code ai:generateImage}, shaped for the
 * browser.
 *
 * @param url where the image is (the demo backend answers a {@code data:} URL)
 * @param prompt the prompt it was drawn from
 * @param size its size, e.g. {@code 1024x1024}
 * @param seed the generation's id, a Convex int64 ({@code v.int64()}) read without loss into a
 * {@code long}; written to the browser as a string, since a JavaScript number keeps only 53 bits
 */
public record GeneratedImage(String url, String prompt, String size, @JsonFormat(shape = JsonFormat.Shape.STRING) long seed) {

	static GeneratedImage of(Ai.GenerateImageResult result) {
		return new GeneratedImage(result.url(), result.prompt(), result.size(), result.seed());
	}

}
