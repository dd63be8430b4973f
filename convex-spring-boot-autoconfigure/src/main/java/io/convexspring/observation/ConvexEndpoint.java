package io.convexspring.observation;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.convexspring.observation.ConvexExecutionRecorder.Execution;

/**
 * The {@code convex} actuator endpoint: the most recent function executions, as the
 * {@link ConvexExecutionRecorder} keeps them.
 */
@Endpoint(id = "convex")
public class ConvexEndpoint {

	private final ConvexExecutionRecorder recorder;

	/**
	 * Creates the endpoint.
	 * @param recorder the recorder of executions
	 */
	public ConvexEndpoint(ConvexExecutionRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Returns the most recent executions, the latest first.
	 * @return the executions
	 */
	@ReadOperation
	public ConvexExecutionsDescriptor executions() {
		return new ConvexExecutionsDescriptor(this.recorder.executions());
	}

	/**
	 * The most recent executions.
	 *
	 * @param executions the executions, the latest first
	 */
	public record ConvexExecutionsDescriptor(List<Execution> executions) implements OperationResponseBody {

	}

}
