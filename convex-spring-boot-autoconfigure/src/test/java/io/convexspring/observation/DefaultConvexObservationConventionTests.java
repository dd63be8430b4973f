package io.convexspring.observation;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexCancelledException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DefaultConvexObservationConvention}: its tags, and the guard against an unbounded
 * number of {@code function} tags.
 */
class DefaultConvexObservationConventionTests {

	private static final URI DEPLOYMENT = URI.create("https://happy-otter-123.convex.cloud");

	private static ConvexObservationContext context(String path) {
		return new ConvexObservationContext(FunctionKind.ACTION, path, DEPLOYMENT, null);
	}

	private static String tag(DefaultConvexObservationConvention convention, ConvexObservationContext context,
			String key) {
		return convention.getLowCardinalityKeyValues(context)
			.stream()
			.filter((keyValue) -> keyValue.getKey().equals(key))
			.map(KeyValue::getValue)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aRunningExecutionIsTaggedUnknown() {
		DefaultConvexObservationConvention convention = new DefaultConvexObservationConvention();
		assertThat(tag(convention, context("emails:send"), "outcome")).isEqualTo("unknown");
		assertThat(tag(convention, context("emails:send"), "exception")).isEqualTo("none");
	}

	@Test
	void outcomesFollowTheFailuresType() {
		DefaultConvexObservationConvention convention = new DefaultConvexObservationConvention();
		ConvexObservationContext convexError = context("payments:charge");
		convexError.setError(new ConvexApplicationException(FunctionKind.ACTION, "payments:charge",
				ConvexCodec.create().treeFromWireJson("\"declined\""), "", List.of(), null));
		assertThat(tag(convention, convexError, "outcome")).isEqualTo("convex_error");
		ConvexObservationContext failure = context("payments:charge");
		failure.setError(new ConvexFunctionFailedException(FunctionKind.ACTION, "payments:charge",
				"[Request ID: 7a] Server Error", List.of()));
		assertThat(tag(convention, failure, "outcome")).isEqualTo("function_error");
		assertThat(convention.getHighCardinalityKeyValues(failure))
			.contains(KeyValue.of("convex.request.id", "7a"),
					KeyValue.of("convex.deployment.url", DEPLOYMENT.toString()));
		ConvexObservationContext cancelled = context("payments:charge");
		cancelled.setError(new ConvexCancelledException(FunctionKind.ACTION, "payments:charge", "interrupted", null));
		assertThat(tag(convention, cancelled, "outcome")).isEqualTo("cancelled");
		assertThat(tag(convention, cancelled, "exception")).isEqualTo("ConvexCancelledException");
	}

	@Test
	void cancellingAfterTheOutcomeChangesNothing() {
		ConvexObservationContext context = context("emails:send");
		context.setResult(null);
		context.setCancelled();
		assertThat(context.getOutcome()).isEqualTo(ConvexOutcome.SUCCESS);
		assertThat(context.isCancelled()).isFalse();
	}

	@Test
	void theDeploymentUrlTagHasNoUserInfo() {
		ConvexObservationContext context = new ConvexObservationContext(FunctionKind.QUERY, "orders:get",
				URI.create("https://user:secret@happy-otter-123.convex.cloud:8443/base"), null);
		assertThat(context.getDeploymentUrl()).isEqualTo("https://happy-otter-123.convex.cloud:8443/base");
	}

	@Test
	void pathsBeyondTheLimitAreTaggedOther() {
		DefaultConvexObservationConvention convention = new DefaultConvexObservationConvention(2);
		assertThat(tag(convention, context("a:one"), "function")).isEqualTo("a:one");
		assertThat(tag(convention, context("a:two"), "function")).isEqualTo("a:two");
		assertThat(tag(convention, context("a:three"), "function")).isEqualTo("OTHER");
		assertThat(tag(convention, context("a:one"), "function")).isEqualTo("a:one");
		assertThat(tag(convention, context("a:three"), "function")).isEqualTo("OTHER");
	}

	@Test
	void theLimitHoldsUnderConcurrentExecutions() throws Exception {
		DefaultConvexObservationConvention convention = new DefaultConvexObservationConvention(200);
		Set<String> tags = ConcurrentHashMap.newKeySet();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int offset = thread * 50;
				futures.add(threads.submit(() -> {
					start.await();
					for (int i = 0; i < 1000; i++) {
						tags.add(tag(convention, context("m:f" + ((offset + i) % 1000)), "function"));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(tags).hasSize(201).contains("OTHER");
	}

	@Test
	void theDefaultConventionNamesNothingSoEachKindKeepsItsName() {
		assertThat(new DefaultConvexObservationConvention().getName()).isNull();
		assertThat(ConvexObservationDocumentation.of(FunctionKind.ACTION).getName()).isEqualTo("convex.action");
		assertThat(ConvexObservationDocumentation.of(FunctionKind.MUTATION).getName()).isEqualTo("convex.mutation");
		assertThat(ConvexObservationDocumentation.of(FunctionKind.QUERY).getName()).isEqualTo("convex.query");
	}

}
