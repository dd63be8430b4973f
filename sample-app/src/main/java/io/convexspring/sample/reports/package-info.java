/**
 * The "generate a report with a status display" pattern: a slow action whose status lives in a
 * Convex table, written by a mutation and followed by a live query as server-sent events, so
 * every instance of the app shows the same card.
 */
@NullMarked
package io.convexspring.sample.reports;

import org.jspecify.annotations.NullMarked;
