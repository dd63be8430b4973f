/**
 * Ahead-of-time processing and GraalVM native-image hints.
 */
@NullMarked
package io.convexspring.aot;

import org.jspecify.annotations.NullMarked;
