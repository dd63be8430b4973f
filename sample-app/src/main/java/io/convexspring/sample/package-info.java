/**
 * A Spring Boot web app that calls Convex functions through the starter.
 */
@NullMarked
package io.convexspring.sample;

import org.jspecify.annotations.NullMarked;
