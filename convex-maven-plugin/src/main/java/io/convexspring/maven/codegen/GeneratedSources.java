package io.convexspring.maven.codegen;

import java.util.List;
import java.util.SortedMap;

/**
 * What the generator produced.
 *
 * @param files the Java sources by path relative to the output directory ({@code com/example/Api.java})
 * @param warnings shapes that have no Java form and became {@code JsonNode}, and the like
 */
public record GeneratedSources(SortedMap<String, String> files, List<String> warnings) {
}
