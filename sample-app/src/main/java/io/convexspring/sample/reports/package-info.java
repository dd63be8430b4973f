/**
 * The "generate a report with a status display" pattern: a slow action run through a
 * per-session action handle, whose state the page follows over server-sent events.
 */
@NullMarked
package io.convexspring.sample.reports;

import org.jspecify.annotations.NullMarked;
