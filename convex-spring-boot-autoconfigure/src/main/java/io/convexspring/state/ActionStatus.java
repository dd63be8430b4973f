package io.convexspring.state;

/**
 * Where a {@link ConvexActionHandle} stands: the status of its latest execution.
 */
public enum ActionStatus {

	/** Not executed yet, or {@link ConvexActionHandle#reset() reset}. */
	IDLE,

	/** The latest execution is in flight. */
	PENDING,

	/** The latest execution succeeded. */
	SUCCESS,

	/** The latest execution failed. */
	ERROR

}
