package io.convexspring.sample.docs.context;

/**
 * Result of {@code reports:generate}.
 *
 * @param url where to download it
 * @param rows how many rows it has
 */
public record Report(String url, long rows) {

}
