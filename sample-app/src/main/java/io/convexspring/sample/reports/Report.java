package io.convexspring.sample.reports;

/**
 * Result of {@code reports:generate}.
 *
 * @param reportId the report's id
 * @param reportType its type
 * @param rows its number of data rows, a Convex int64 ({@code v.int64()})
 * @param generatedAt when it was made, in epoch milliseconds
 * @param downloadUrl the CSV, as a {@code data:} URL ready to download
 */
public record Report(String reportId, String reportType, long rows, long generatedAt, String downloadUrl) {

}
