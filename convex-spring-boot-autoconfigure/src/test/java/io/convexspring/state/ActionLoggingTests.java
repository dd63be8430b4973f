package io.convexspring.state;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.convexspring.client.ConvexAction;
import io.convexspring.codec.ValuePreview;

import static io.convexspring.state.SendEmail.SEND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handle's own logging, set per handle with {@link ActionOptions#logging(ActionLogging)}.
 */
class ActionLoggingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	final LogEvents log = new LogEvents();

	private final ControlledBackend backend = new ControlledBackend();

	private ConvexActionHandle<SendEmail, Receipt> handle(ActionOptions<SendEmail, Receipt> options) {
		return this.backend.client().action(SEND, options);
	}

	private void succeedOnce(ConvexActionHandle<SendEmail, Receipt> send) {
		CompletableFuture<Receipt> result = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		assertThat(result).succeedsWithin(TIMEOUT);
	}

	private void failOnce(ConvexActionHandle<SendEmail, Receipt> send) {
		CompletableFuture<Receipt> result = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().fail("mailbox full");
		assertThat(result).failsWithin(TIMEOUT);
	}

	@Test
	void infoLogsOneLinePerExecutionWithItsOutcome() {
		ConvexActionHandle<SendEmail, Receipt> send = handle(ActionOptions.forAction(SEND).logging(ActionLogging.INFO));
		succeedOnce(send);
		failOnce(send);
		assertThat(this.log.lines(Level.INFO)).satisfiesExactly(
				(line) -> assertThat(line).matches("Action emails:send succeeded in \\d+ ms"),
				(line) -> assertThat(line).startsWith("Action emails:send failed in ").contains("mailbox full"));
		assertThat(this.log.lines(Level.DEBUG)).isEmpty();
	}

	@Test
	void debugLogsTheStartWithTheArgumentsAndTheOutcomeWithTheResult() {
		ConvexActionHandle<SendEmail, Receipt> send = handle(
				ActionOptions.forAction(SEND).logging(ActionLogging.DEBUG));
		succeedOnce(send);
		failOnce(send);
		// at INFO, so that the lines show with Spring Boot's default logging
		assertThat(this.log.lines(Level.INFO)).satisfiesExactly(
				(line) -> assertThat(line)
					.isEqualTo("Action emails:send started with {\"to\": \"ada@example.com\", \"subject\": \"Hello\"}"),
				(line) -> assertThat(line).matches("Action emails:send succeeded in \\d+ ms with \\{\"id\": \"r1\"\\}"),
				(line) -> assertThat(line)
					.isEqualTo("Action emails:send started with {\"to\": \"ada@example.com\", \"subject\": \"Hello\"}"),
				(line) -> assertThat(line).startsWith("Action emails:send failed in ").contains("mailbox full"));
		assertThat(this.log.lines(Level.DEBUG)).isEmpty();
	}

	@Test
	void debugPreviewsShowBytesAsTheirLengthAndAreCutAtThePreviewSize() {
		ConvexAction<Upload, Stored> upload = ConvexAction.of("files:upload", Upload.class, Stored.class);
		ConvexActionHandle<Upload, Stored> handle = this.backend.client(ArgumentValidator.none(), 60)
			.action(upload, ActionOptions.forAction(upload).logging(ActionLogging.DEBUG));
		CompletableFuture<Stored> result = handle.execute(new Upload("report.pdf", new byte[2048])).toFuture();
		this.backend.next().succeed("{\"id\":\"f1\",\"path\":\"" + "x".repeat(100) + "\"}");
		assertThat(result).succeedsWithin(TIMEOUT);
		assertThat(this.log.lines(Level.INFO)).satisfiesExactly(
				(line) -> assertThat(line)
					.isEqualTo("Action files:upload started with {\"name\": \"report.pdf\", \"content\": <bytes: 2048>}"),
				(line) -> assertThat(line).matches("Action files:upload succeeded in \\d+ ms with \\{\"id\": \"f1\", "
						+ "\"path\": \"x{38}\\Q" + ValuePreview.TRUNCATED + "\\E"));
	}

	record Upload(String name, byte[] content) {
	}

	record Stored(String id, String path) {
	}

	@Test
	void offLogsNothing() {
		ConvexActionHandle<SendEmail, Receipt> send = handle(ActionOptions.forAction(SEND).logging(ActionLogging.OFF));
		succeedOnce(send);
		failOnce(send);
		assertThat(this.log.events()).isEmpty();
	}

	@Test
	void withoutAnOverrideTheHandleLeavesLoggingToTheGlobalSetting() {
		ConvexActionHandle<SendEmail, Receipt> send = handle(ActionOptions.defaults());
		succeedOnce(send);
		failOnce(send);
		assertThat(this.log.events()).isEmpty();
	}

	@Test
	void theLevelTravelsInTheReactorContextOfTheRequest() {
		ConvexActionHandle<SendEmail, Receipt> quiet = handle(ActionOptions.forAction(SEND).logging(ActionLogging.OFF));
		quiet.execute(SendEmail.valid()).subscribe();
		ControlledBackend.Exchange exchange = this.backend.next();
		assertThat(exchange.logging()).isEqualTo(ActionLogging.OFF);
		exchange.succeed("null");

		ConvexActionHandle<SendEmail, Receipt> plain = handle(ActionOptions.defaults());
		plain.execute(SendEmail.valid()).subscribe();
		exchange = this.backend.next();
		assertThat(exchange.logging()).isNull();
		exchange.succeed("null");
	}

}
