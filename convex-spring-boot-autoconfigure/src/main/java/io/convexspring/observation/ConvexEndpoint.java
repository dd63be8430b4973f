package io.convexspring.observation;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
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

	private final Supplier<@Nullable Map<String, Object>> live;

	/**
	 * Creates the endpoint.
	 * @param recorder the recorder of executions
	 */
	public ConvexEndpoint(ConvexExecutionRecorder recorder) {
		this(recorder, () -> null);
	}

	/**
	 * Creates the endpoint, showing the live-query sockets too.
	 * @param recorder the recorder of executions
	 * @param live the live-query sockets' states, or {@code null} for none (never a secret)
	 */
	public ConvexEndpoint(ConvexExecutionRecorder recorder, Supplier<@Nullable Map<String, Object>> live) {
		this.recorder = recorder;
		this.live = live;
	}

	/**
	 * Returns the most recent executions, the latest first.
	 * @return the executions
	 */
	@ReadOperation
	public ConvexExecutionsDescriptor executions() {
		return new ConvexExecutionsDescriptor(this.recorder.executions(), this.live.get());
	}

	/**
	 * The most recent executions, and the live-query sockets.
	 *
	 * @param executions the executions, the latest first
	 * @param live the live-query sockets' states, if there is a live client
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ConvexExecutionsDescriptor(List<Execution> executions,
			@Nullable Map<String, Object> live) implements OperationResponseBody {

		/**
		 * Creates the descriptor without live-query sockets.
		 * @param executions the executions, the latest first
		 */
		public ConvexExecutionsDescriptor(List<Execution> executions) {
			this(executions, null);
		}

	}

}
