package io.convexspring.state;

/**
 * What a {@link ConvexActionHandle} logs of its own executions, set per handle with
 * {@link ActionOptions#logging(ActionLogging)} whatever {@code convex.logging} says. Lines go
 * to the {@code io.convexspring.state.ConvexActionHandle} logger. While an execution runs, its
 * level is also in the Reactor context under the key {@code ActionLogging.class}.
 */
public enum ActionLogging {

	/** Log nothing per execution. */
	OFF,

	/** One line per execution at INFO: the outcome and its duration. */
	INFO,

	/** At DEBUG: a line when an execution starts, with its arguments, and one with its outcome. */
	DEBUG

}
