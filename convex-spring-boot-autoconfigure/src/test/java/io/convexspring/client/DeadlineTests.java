package io.convexspring.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each call has one deadline for the whole exchange (its kind's timeout, or its reference's
 * own), however slowly the response arrives, reactive and blocking alike; at the deadline the
 * connection is closed.
 */
class DeadlineTests {

	private static final ConvexQuery<Void, String> REPORT = ConvexQuery.of("reports:get", Void.class, String.class);

	/** 60 bytes at one a second: far beyond every deadline here. */
	private static final ScriptedHttpServer.Answer TRICKLE = ScriptedHttpServer
		.trickle(Wire.success(Wire.quote("x".repeat(30))), Duration.ofSeconds(1));

	private static ConvexQueryClient client(ScriptedHttpServer server, Duration queryTimeout) {
		return new ConvexQueryClient(ConvexTransport.builder(server.url()).timeout(FunctionKind.QUERY, queryTimeout).build());
	}

	@Test
	void responseTricklingInTimesOutAtTheDeadlineAndClosesTheConnection() throws Exception {
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(TRICKLE)) {
			ConvexQueryClient client = client(server, Duration.ofMillis(1500));
			long start = System.nanoTime();
			assertThatExceptionOfType(ConvexTimeoutException.class).isThrownBy(() -> client.executeBlocking(REPORT))
				.withMessage("Query reports:get: no outcome from " + server.url()
						+ " (convex.query.timeout) within PT1.5S")
				.satisfies((ex) -> assertThat(ex.functionDidNotRun()).isFalse());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
					Duration.ofSeconds(8));
			assertThat(server.clientClosedAConnectionWithin(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void reactiveCallHasTheSameDeadline() throws Exception {
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(TRICKLE)) {
			ConvexQueryClient client = client(server, Duration.ofMillis(1500));
			long start = System.nanoTime();
			assertThatExceptionOfType(ConvexTimeoutException.class)
				.isThrownBy(() -> client.execute(REPORT).block(Duration.ofSeconds(30)))
				.withMessageContaining("convex.query.timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
			assertThat(server.clientClosedAConnectionWithin(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void referenceTimeoutOverridesTheKindsAndLeavesTheReferenceUnchanged() throws Exception {
		ConvexQuery<Void, String> quick = REPORT.withTimeout(Duration.ofMillis(800));
		assertThat(REPORT.timeout()).isEmpty();
		assertThat(quick.timeout()).hasValue(Duration.ofMillis(800));
		assertThat(quick).isNotEqualTo(REPORT).hasToString(REPORT + " within PT0.8S");
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(TRICKLE)) {
			ConvexQueryClient client = client(server, Duration.ofMinutes(5));
			long start = System.nanoTime();
			assertThatExceptionOfType(ConvexTimeoutException.class).isThrownBy(() -> client.executeBlocking(quick))
				.withMessageContaining("(the reference's withTimeout) within PT0.8S");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		}
	}

	@Test
	void eachKindHasItsOwnDefaultDeadline() {
		ConvexTransport transport = ConvexTransport.builder("https://happy-otter-123.convex.cloud").build();
		assertThat(transport.deadline(FunctionKind.QUERY, null)).isEqualTo(Duration.ofSeconds(60));
		assertThat(transport.deadline(FunctionKind.MUTATION, null)).isEqualTo(Duration.ofSeconds(60));
		assertThat(transport.deadline(FunctionKind.ACTION, null)).isEqualTo(Duration.ofMinutes(31));
		assertThat(transport.deadline(FunctionKind.ACTION, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
		transport.close();
	}

}
