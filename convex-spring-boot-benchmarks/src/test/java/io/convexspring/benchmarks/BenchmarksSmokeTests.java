package io.convexspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark method once, so that the benchmarks cannot rot: each returns what the
 * server sent, and the raw {@code WebClient} posts exactly the bytes the client posts. No
 * timing: speed is measured by running the benchmarks, not here.
 */
class BenchmarksSmokeTests {

	@Test
	void httpBenchmarksReturnWhatTheServerSentForTheSameRequestBytes() {
		HttpClientBenchmarks benchmarks = new HttpClientBenchmarks();
		benchmarks.start();
		try {
			benchmarks.server.recording(true);
			assertThat(benchmarks.rawWebClient()).isEqualTo(Payloads.EMAIL_ENVELOPE);
			assertThat(benchmarks.convexClient()).isEqualTo(Payloads.RECEIPT);
			assertThat(benchmarks.convexClientBlocking()).isEqualTo(Payloads.RECEIPT);
			assertThat(benchmarks.server.received()).hasSize(3)
				.allSatisfy((body) -> assertThat(text(body)).isEqualTo(text(Payloads.REQUEST_BODY)));
		}
		finally {
			benchmarks.stop();
		}
	}

	@Test
	void codecBenchmarksEncodeAndDecodeTheSameValues() {
		CodecBenchmarks benchmarks = new CodecBenchmarks();
		benchmarks.start();
		assertThat(text(benchmarks.encodeRequest())).isEqualTo(text(Payloads.REQUEST_BODY));
		assertThat(benchmarks.decodeEnvelope()).isEqualTo(Payloads.RECEIPT);
		assertThat(benchmarks.decodeEnvelopePlainJackson()).isEqualTo(Payloads.RECEIPT);
		assertThat(benchmarks.decodeOrders()).usingRecursiveFieldByFieldElementComparator()
			.containsExactlyElementsOf(Payloads.orders());
		assertThat(text(benchmarks.ordersEnvelope)).contains("{\"$integer\":").contains("{\"$bytes\":");
	}

	@Test
	void sideBySideRunsEveryContestant() throws Exception {
		PrintStream console = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			SideBySide.main(new String[] { "--rounds", "1", "--warmup", "0", "--calls", "2", "--breakdown", "true",
					"--concurrency", "2", "--inflight", "20", "--inflight-delay-ms", "20", "--startup-runs", "1" });
		}
		finally {
			System.setOut(console);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("rawWebClient", "convexClient",
				"convexClientBlocking", "raw + codec", "raw, transport's join", "2 calls in flight (closed loop)",
				"20 calls in flight at once", "peak heap MiB", "heap/call KiB", "metrics", "metrics + http obs",
				"metrics + log file", "the starter adds", "the starter's slowest beans", "convexTransport");
		assertThat(Files.readString(BootedClient.LOG_FILE)).contains("emails:send");
	}

	@Test
	void startupProbeLeavesOutEveryAutoConfigurationOfTheStarters() {
		assertThat(StartupProbe.starterAutoConfigurations()).contains(
				"io.convexspring.autoconfigure.ConvexAutoConfiguration",
				"io.convexspring.autoconfigure.ConvexLiveAutoConfiguration",
				"io.convexspring.autoconfigure.ConvexPropertiesCheckAutoConfiguration")
			.allSatisfy((name) -> assertThat(name).startsWith("io.convexspring.autoconfigure."))
			.doesNotHaveDuplicates();
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Test
	void liveBenchmarksSeeEachMutationAndDeliverToEverySubscriber() {
		LiveBenchmarks benchmarks = new LiveBenchmarks();
		benchmarks.start();
		try {
			long first = benchmarks.mutationUntilSubscriberHasNewValue();
			assertThat(benchmarks.mutationUntilSubscriberHasNewValue()).isEqualTo(first + 1);
			assertThat(benchmarks.seen.get()).isEqualTo(first + 1);
			assertThat(benchmarks.transitionToThousandSubscribers()).isEqualTo(LiveBenchmarks.FAN_OUT);
			assertThat(benchmarks.transitionToThousandSubscribers()).isEqualTo(2L * LiveBenchmarks.FAN_OUT);
		}
		finally {
			benchmarks.stop();
		}
	}

	@Test
	void liveMemoryMeasuresWhatSubscriptionsHold() throws Exception {
		assertThat(LiveMemory.bytesPerSubscription(1000)).isPositive();
	}

}
