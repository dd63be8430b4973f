package io.convexspring.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A bad answer over a keep-alive connection ends in a typed exception naming the function,
 * within the deadline, and never breaks the next call: the pooled connection is either clean
 * or closed.
 */
class BadServerConnectionTests {

	private static final ConvexQuery<Void, Object> COUNT = ConvexQuery.of("orders:count", Void.class, Object.class);

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	/** One connection: the next call takes the same one unless it was closed. */
	private static final ConvexPoolSettings ONE_CONNECTION = new ConvexPoolSettings(1, 1, 10, Duration.ofSeconds(5),
			Duration.ofSeconds(30), Duration.ofMinutes(5), null);

	private static ConvexQueryClient client(ScriptedHttpServer server) {
		return new ConvexQueryClient(ConvexTransport.builder(server.url())
			.timeout(FunctionKind.QUERY, DEADLINE)
			.pool(ONE_CONNECTION)
			.build());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "two envelopes", "trailing content", "overlong UTF-8", "unpadded $bytes",
			"unpadded $integer", "nested 100,000 deep" })
	void malformedBodyIsRefusedAndTheNextCallSucceeds(String name) throws Exception {
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(ScriptedHttpServer.raw(ScriptedHttpServer.ok(bad(name))),
				ScriptedHttpServer.ok(Wire.success("2")))) {
			ConvexQueryClient client = client(server);
			long start = System.nanoTime();
			assertThatExceptionOfType(ConvexMalformedResponseException.class)
				.isThrownBy(() -> client.executeBlocking(COUNT))
				.withMessageStartingWith("Query orders:count: the response (HTTP 200) is not a Convex function result");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(2.0);
		}
	}

	private static byte[] bad(String name) {
		return switch (name) {
			case "two envelopes" -> utf8(Wire.success("1") + Wire.failure("the second envelope"));
			case "trailing content" -> utf8(Wire.success("1") + " trailing");
			case "overlong UTF-8" -> concat(utf8("{\"status\":\"success\",\"value\":\"a"),
					new byte[] { (byte) 0xC0, (byte) 0xAF }, utf8("\"}"));
			case "unpadded $bytes" -> utf8(Wire.success("{\"$bytes\":\"AQI\"}"));
			case "unpadded $integer" -> utf8(Wire.success("{\"$integer\":\"AQAAAAAAAAA\"}"));
			case "nested 100,000 deep" -> utf8(Wire.success("[".repeat(100_000) + "]".repeat(100_000)));
			default -> throw new IllegalArgumentException(name);
		};
	}

	@Test
	void earlyHintsBeforeTheAnswerAreSkipped() throws Exception {
		byte[] hintsThenAnswer = concat(
				utf8("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"),
				ScriptedHttpServer.ok(utf8(Wire.success("1"))));
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(ScriptedHttpServer.raw(hintsThenAnswer),
				ScriptedHttpServer.ok(Wire.success("2")))) {
			ConvexQueryClient client = client(server);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(2.0);
			assertThat(server.connectionOfEachRequest()).as("the connection stays usable").containsExactly(0, 0);
		}
	}

	@Test
	void bodyLongerThanItsContentLengthDoesNotReachTheNextCall() throws Exception {
		String announced = Wire.success("1");
		byte[] head = utf8("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
				+ announced.length() + "\r\n\r\n");
		byte[] longer = concat(head, utf8(announced), utf8(Wire.success("666")));
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(ScriptedHttpServer.raw(longer),
				ScriptedHttpServer.ok(Wire.success("2")))) {
			ConvexQueryClient client = client(server);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(2.0);
			assertThat(server.connectionOfEachRequest()).as("the spoilt connection was closed").containsExactly(0, 1);
		}
	}

	@Test
	void connectionIdleLongerThanTheMaximumIsNeverUsedAgain() throws Exception {
		ConvexPoolSettings shortIdle = new ConvexPoolSettings(1, 1, 10, Duration.ofSeconds(5), Duration.ofMillis(300),
				Duration.ofMinutes(5), null);
		try (ScriptedHttpServer server = ScriptedHttpServer.answering(ScriptedHttpServer.ok(Wire.success("1")))) {
			ConvexQueryClient client = new ConvexQueryClient(
					ConvexTransport.builder(server.url()).pool(shortIdle).build());
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			// idle for longer than max-idle-time: a proxy may have dropped it without a word
			Thread.sleep(900);
			assertThat(client.executeBlocking(COUNT)).isEqualTo(1.0);
			assertThat(server.connectionOfEachRequest()).containsExactly(0, 0, 1);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
