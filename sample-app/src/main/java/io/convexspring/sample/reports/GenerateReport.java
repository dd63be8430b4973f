package io.convexspring.sample.reports;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Arguments of {@code reports:generate}. The controller checks the constraint ({@code @Valid})
 * before it writes or sends anything, so an unknown type fails at once with a readable message.
 *
 * @param reportType {@code sales}, {@code inventory}, {@code users}, or {@code broken} (which
 * fails, to show the error display)
 */
public record GenerateReport(@NotNull @Pattern(regexp = "sales|inventory|users|broken",
		message = "must be sales, inventory, users or broken") String reportType) {

}
