package io.convexspring.sample.image;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code ai:generateImage}. A blank prompt is left to the function, which answers
 * it with its {@code EMPTY_PROMPT} error.
 *
 * @param prompt what to draw
 * @param size {@code 256x256}, {@code 512x512} or {@code 1024x1024}; {@code null} leaves the
 * field out, so the function's default ({@code 1024x1024}) applies
 */
public record GenerateImage(@NotNull String prompt, @Nullable @Pattern(regexp = "256x256|512x512|1024x1024",
		message = "must be 256x256, 512x512 or 1024x1024") String size) {

}
