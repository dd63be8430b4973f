/**
 * Generates Java sources (function references, records, enums, sealed unions) from a Convex spec.
 */
@NullMarked
package io.convexspring.maven.codegen;

import org.jspecify.annotations.NullMarked;
