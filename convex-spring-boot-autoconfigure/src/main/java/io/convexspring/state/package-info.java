/**
 * Stateful handles on Convex actions: execute, and watch status, data and error change.
 */
@NullMarked
package io.convexspring.state;

import org.jspecify.annotations.NullMarked;
