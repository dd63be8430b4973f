/**
 * The Maven goals: {@code convex:spec} (the function spec, offline) and {@code convex:generate} (the Java API).
 */
@NullMarked
package io.convexspring.maven;

import org.jspecify.annotations.NullMarked;
