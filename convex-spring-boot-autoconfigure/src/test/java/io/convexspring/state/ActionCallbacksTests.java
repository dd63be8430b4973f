package io.convexspring.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexFunctionFailedException;

import static io.convexspring.state.SendEmail.SEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code onSuccess} and {@code onError} callbacks of {@link ActionOptions}: called once
 * per execution with its outcome and arguments, and never able to change that outcome.
 */
class ActionCallbacksTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	final LogEvents log = new LogEvents();

	private final ControlledBackend backend = new ControlledBackend();

	private final List<String> calls = new ArrayList<>();

	@Test
	void onSuccessGetsTheResultAndTheArgumentsAfterTheStateChanged() {
		SendEmail args = SendEmail.valid();
		AtomicReference<ConvexActionHandle<SendEmail, Receipt>> send = new AtomicReference<>();
		send.set(this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND)
				.onSuccess((result, sent) -> this.calls.add(result.id() + " to " + sent.to() + " while "
						+ send.get().status()))
				.onError((error, sent) -> this.calls.add("error"))));
		CompletableFuture<Receipt> result = send.get().execute(args).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		assertThat(result).succeedsWithin(TIMEOUT);
		assertThat(this.calls).containsExactly("r1 to ada@example.com while SUCCESS");
	}

	@Test
	void onErrorGetsTheFailureAndTheArgumentsAfterTheStateChanged() {
		List<ConvexException> errors = new ArrayList<>();
		AtomicReference<ConvexActionHandle<SendEmail, Receipt>> send = new AtomicReference<>();
		send.set(this.backend.client()
			.action(SEND, ActionOptions.<SendEmail, Receipt>defaults().onSuccess((result, sent) -> this.calls.add("success"))
				.onError((error, sent) -> {
					errors.add(error);
					this.calls.add(sent.subject() + " while " + send.get().status());
				})));
		CompletableFuture<Receipt> result = send.get().execute(SendEmail.valid()).toFuture();
		this.backend.next().fail("boom");
		assertThat(result).failsWithin(TIMEOUT);
		assertThat(this.calls).containsExactly("Hello while ERROR");
		assertThat(errors).singleElement().isSameAs(send.get().error()).isInstanceOf(ConvexFunctionFailedException.class);
	}

	@Test
	void aThrowingOnSuccessIsLoggedWithTheFunctionPathAndTheResultStands() {
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onSuccess((result, args) -> {
				throw new IllegalStateException("callback bug");
			}));
		CompletableFuture<Receipt> result = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().succeed("{\"id\":\"r1\"}");
		assertThat(result).succeedsWithin(TIMEOUT).isEqualTo(new Receipt("r1"));
		assertThat(send.status()).isEqualTo(ActionStatus.SUCCESS);
		assertThat(send.error()).isNull();
		ILoggingEvent warning = this.log.events().stream().filter((event) -> event.getLevel() == Level.WARN)
			.findFirst().orElseThrow();
		assertThat(warning.getFormattedMessage()).contains("onSuccess").contains("emails:send");
		assertThat(warning.getThrowableProxy().getMessage()).isEqualTo("callback bug");
	}

	@Test
	void aThrowingOnErrorIsLoggedWithTheFunctionPathAndTheFailureStands() {
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onError((error, args) -> {
				throw new IllegalStateException("callback bug");
			}));
		CompletableFuture<Receipt> result = send.execute(SendEmail.valid()).toFuture();
		this.backend.next().fail("boom");
		assertThat(result).failsWithin(TIMEOUT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(ConvexFunctionFailedException.class);
		assertThat(send.status()).isEqualTo(ActionStatus.ERROR);
		assertThat(this.log.lines(Level.WARN)).singleElement()
			.asString()
			.contains("onError")
			.contains("emails:send");
	}

	@Test
	void aThrowingCallbackDoesNotChangeABlockingOutcome() {
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onError((error, args) -> {
				throw new IllegalArgumentException("callback bug");
			}));
		CompletableFuture<ActionResult<Receipt>> outcome = CompletableFuture
			.supplyAsync(() -> send.executeSafeBlocking(SendEmail.valid()));
		this.backend.next().fail("boom");
		assertThat(outcome).succeedsWithin(TIMEOUT)
			.satisfies((result) -> assertThat(result.errorOrNull()).isInstanceOf(ConvexFunctionFailedException.class));
		assertThatExceptionOfType(ConvexFunctionFailedException.class).isThrownBy(() -> {
			CompletableFuture<Receipt> again = CompletableFuture.supplyAsync(() -> send.executeBlocking(null));
			this.backend.next().fail("boom");
			try {
				again.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw ex.getCause();
			}
		});
	}

	@Test
	void callbacksRunForEveryExecutionEvenOnesThatNoLongerChangeTheState() {
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onSuccess((result, args) -> this.calls.add(result.id())));
		CompletableFuture<Receipt> detached = send.execute(SendEmail.valid()).toFuture();
		ControlledBackend.Exchange exchange = this.backend.next();
		send.reset();
		exchange.succeed("{\"id\":\"detached\"}");
		assertThat(detached).succeedsWithin(TIMEOUT);
		assertThat(this.calls).containsExactly("detached");
		assertThat(send.status()).isEqualTo(ActionStatus.IDLE);
	}

	@Test
	void onSuccessGetsNullForAConvexNullResultAndNullArguments() {
		List<String> seen = new ArrayList<>();
		ConvexActionHandle<SendEmail, Receipt> send = this.backend.client()
			.action(SEND, ActionOptions.forAction(SEND).onSuccess((result, args) -> seen.add(result + "/" + args)));
		CompletableFuture<Receipt> result = send.execute(null).toFuture();
		this.backend.next().succeed("null");
		assertThat(result).succeedsWithin(TIMEOUT);
		assertThat(seen).containsExactly("null/null");
	}

}
