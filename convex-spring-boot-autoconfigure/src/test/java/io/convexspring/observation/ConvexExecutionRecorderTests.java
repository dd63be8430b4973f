package io.convexspring.observation;

import java.net.URI;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.FunctionKind;
import io.convexspring.observation.ConvexEndpoint.ConvexExecutionsDescriptor;
import io.convexspring.observation.ConvexExecutionRecorder.Execution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConvexExecutionRecorder} and the {@link ConvexEndpoint} on it: the most recent
 * executions first, bounded, previews only where asked for.
 */
class ConvexExecutionRecorderTests {

	private static final URI DEPLOYMENT = URI.create("https://happy-otter-123.convex.cloud");

	private static void execute(ObservationRegistry registry, String path, Object args, Object result) {
		ConvexObservationContext context = new ConvexObservationContext(FunctionKind.MUTATION, path, DEPLOYMENT,
				args);
		Observation observation = ConvexObservationDocumentation
			.createNotStarted(context, null, new DefaultConvexObservationConvention(), registry)
			.start();
		if (result instanceof Throwable failure) {
			observation.error(failure);
		}
		else {
			context.setResult(result);
		}
		observation.stop();
	}

	private static ObservationRegistry registry(ConvexExecutionRecorder recorder) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(recorder);
		return registry;
	}

	@Test
	void keepsTheMostRecentExecutionsLatestFirst() {
		ConvexExecutionRecorder recorder = new ConvexExecutionRecorder(3, -1);
		ObservationRegistry registry = registry(recorder);
		for (int i = 1; i <= 5; i++) {
			execute(registry, "orders:step" + i, new Step(i), "ok");
		}
		assertThat(recorder.executions()).extracting(Execution::function)
			.containsExactly("orders:step5", "orders:step4", "orders:step3");
	}

	@Test
	void recordsOutcomeDurationTimeAndErrorButNoPreviewsUnlessAskedFor() {
		ConvexExecutionRecorder recorder = new ConvexExecutionRecorder(10, -1);
		ObservationRegistry registry = registry(recorder);
		execute(registry, "orders:create", new Step(1), "o1");
		execute(registry, "orders:create", new Step(2), new ConvexFunctionFailedException(FunctionKind.MUTATION,
				"orders:create", "[Request ID: 1] Server Error", List.of()));
		List<Execution> executions = new ConvexEndpoint(recorder).executions().executions();
		assertThat(executions).hasSize(2);
		Execution failed = executions.get(0);
		assertThat(failed.kind()).isEqualTo("mutation");
		assertThat(failed.outcome()).isEqualTo("function_error");
		assertThat(failed.error()).isEqualTo("Mutation orders:create failed: [Request ID: 1] Server Error");
		assertThat(failed.arguments()).isNull();
		Execution succeeded = executions.get(1);
		assertThat(succeeded.outcome()).isEqualTo("success");
		assertThat(succeeded.error()).isNull();
		assertThat(succeeded.duration()).isGreaterThanOrEqualTo(java.time.Duration.ZERO);
		assertThat(succeeded.time()).isNotNull();
		assertThat(succeeded.result()).isNull();
	}

	@Test
	void recordsPreviewsWhenAskedFor() {
		ConvexExecutionRecorder recorder = new ConvexExecutionRecorder(10, 500);
		execute(registry(recorder), "orders:create", new Step(7), new byte[12]);
		ConvexExecutionsDescriptor descriptor = new ConvexEndpoint(recorder).executions();
		assertThat(descriptor.executions().get(0).arguments()).isEqualTo("{\"number\": 7}");
		assertThat(descriptor.executions().get(0).result()).isEqualTo("<bytes: 12>");
	}

	record Step(int number) {
	}

}
