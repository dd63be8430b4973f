/**
 * Observation of Convex function executions: metrics, spans, logging, health and recent
 * executions, all hanging on one Micrometer {@code Observation} per execution.
 */
@NullMarked
package io.convexspring.observation;

import org.jspecify.annotations.NullMarked;
