package io.convexspring.sample.image;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Result of {@code ai:generateImage}.
 *
 * @param url where the image is (the demo backend answers a {@code data:} URL)
 * @param prompt the prompt it was drawn from
 * @param size its size, e.g. {@code 1024x1024}
 * @param seed the generation's id, a Convex int64 ({@code v.int64()}) read without loss into a
 * {@code long}; written to the browser as a string, since a JavaScript number keeps only 53 bits
 */
public record GeneratedImage(String url, String prompt, String size, @JsonFormat(shape = JsonFormat.Shape.STRING) long seed) {

}
