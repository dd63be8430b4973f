/**
 * Spring Boot auto-configuration of the Convex clients.
 */
@NullMarked
package io.convexspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
