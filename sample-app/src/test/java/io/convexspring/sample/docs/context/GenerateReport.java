package io.convexspring.sample.docs.context;

/**
 * Arguments of {@code reports:generate}.
 *
 * @param type the kind of report, e.g. {@code sales}
 */
public record GenerateReport(String type) {

}
