package io.convexspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexAuthenticationException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexHttpException;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexRetryPolicy;
import io.convexspring.client.ConvexTimeoutException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.ConvexTransportException;
import io.convexspring.client.FunctionKind;
import io.convexspring.test.Fixtures.Decline;
import io.convexspring.test.Fixtures.EmailReceipt;
import io.convexspring.test.Fixtures.ListOrders;
import io.convexspring.test.Fixtures.LooseItem;
import io.convexspring.test.Fixtures.OrderItem;
import io.convexspring.test.Fixtures.SendEmail;
import io.convexspring.test.server.Identity;

import static io.convexspring.test.ConvexStubResponses.withAnswer;
import static io.convexspring.test.ConvexStubResponses.withArgumentValidationError;
import static io.convexspring.test.ConvexStubResponses.withConvexError;
import static io.convexspring.test.ConvexStubResponses.withDroppedConnection;
import static io.convexspring.test.ConvexStubResponses.withFunctionFailure;
import static io.convexspring.test.ConvexStubResponses.withNull;
import static io.convexspring.test.ConvexStubResponses.withServiceUnavailable;
import static io.convexspring.test.ConvexStubResponses.withTooManyRequests;
import static io.convexspring.test.ConvexStubResponses.withUnauthenticated;
import static io.convexspring.test.ConvexStubResponses.withValue;
import static io.convexspring.test.ExpectedCalls.manyTimes;
import static io.convexspring.test.ExpectedCalls.times;
import static io.convexspring.test.Fixtures.LIST_ORDERS;
import static io.convexspring.test.Fixtures.SAVE_ITEM;
import static io.convexspring.test.Fixtures.SAVE_LOOSE_ITEM;
import static io.convexspring.test.Fixtures.SEND_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The stub's script and every kind of answer, through the starter's real clients over HTTP.
 */
class ConvexStubTests {

	private final ConvexStub convex = ConvexStub.start();

	private final ConvexTransport transport = ConvexTransport.builder(this.convex.url())
		.responseTimeout(Duration.ofSeconds(10))
		// each scripted answer is seen as it is, not repeated past
		.retryPolicy(ConvexRetryPolicy.none())
		.build();

	private final ConvexActionClient actions = new ConvexActionClient(this.transport);

	private final ConvexMutationClient mutations = new ConvexMutationClient(this.transport);

	private final ConvexQueryClient queries = new ConvexQueryClient(this.transport);

	@AfterEach
	void stop() {
		this.convex.close();
	}

	@Test
	void anExpectedCallWithItsArgumentsGetsTheValue() {
		this.convex.expect(SEND_EMAIL)
			.withArgs(new SendEmail("ada@example.com", "Welcome"))
			.andRespond(withValue(new EmailReceipt("msg_1", "sent")));
		assertThat(this.actions.executeBlocking(SEND_EMAIL, new SendEmail("ada@example.com", "Welcome")))
			.isEqualTo(new EmailReceipt("msg_1", "sent"));
		assertThatNoException().isThrownBy(this.convex::verify);
	}

	@Test
	void withoutAResponseTheFunctionReturnsNull() {
		this.convex.expect(SEND_EMAIL);
		this.convex.expect(SEND_EMAIL).andRespond(withNull());
		assertThat(this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "1"))).isNull();
		assertThat(this.actions.execute(SEND_EMAIL, new SendEmail("a@b.c", "2")).blockOptional()).isEmpty();
		this.convex.verify();
	}

	@Test
	void aConvexErrorArrivesWithItsDataAndCode() {
		this.convex.expect(SEND_EMAIL)
			.andRespond(withConvexError(Map.of("code", "CARD_DECLINED", "message", "Your card was declined.")));
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")))
			.satisfies((error) -> {
				assertThat(error.code()).hasValue("CARD_DECLINED");
				assertThat(error.data(Decline.class)).isEqualTo(new Decline("CARD_DECLINED", "Your card was declined."));
				assertThat(error.functionPath()).isEqualTo("emails:send");
			});
	}

	@Test
	void aFunctionFailureIsAnUncaughtError() {
		this.convex.expect(SEND_EMAIL).andRespond(withFunctionFailure("Email provider unavailable"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")))
			.withMessageContaining("Uncaught Error: Email provider unavailable");
	}

	@Test
	void anArgumentValidationErrorIsWordedAsTheBackendWordsIt() {
		this.convex.expect(SEND_EMAIL).andRespond(withArgumentValidationError("Object is missing the required field `body`."));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")))
			.withMessageContaining("ArgumentValidationError: Object is missing the required field `body`.");
	}

	@Test
	void refusalsArriveWithTheirStatusAndCode() {
		this.convex.expect(SEND_EMAIL).andRespond(withTooManyRequests());
		this.convex.expect(SEND_EMAIL).andRespond(withServiceUnavailable());
		assertThatExceptionOfType(ConvexHttpException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "1")))
			.satisfies((error) -> {
				assertThat(error.httpStatus()).hasValue(429);
				assertThat(error.code()).hasValue("TooManyConcurrentRequests");
				assertThat(error.functionDidNotRun()).isTrue();
			});
		assertThatExceptionOfType(ConvexHttpException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "2")))
			.satisfies((error) -> {
				assertThat(error.httpStatus()).hasValue(503);
				assertThat(error.code()).hasValue("Busy");
			});
		this.convex.verify();
	}

	@Test
	void anUnauthenticatedRefusalIsAnAuthenticationFailureWithTheCode() {
		this.convex.expect(SEND_EMAIL).andRespond(withUnauthenticated("TokenExpired"));
		assertThatExceptionOfType(ConvexAuthenticationException.class)
			.isThrownBy(() -> this.actions.withUserToken("eyJ.user.jwt")
				.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")))
			.satisfies((error) -> {
				assertThat(error.httpStatus()).hasValue(401);
				assertThat(error.code()).hasValue("TokenExpired");
			});
		assertThat(this.convex.calls(SEND_EMAIL)).singleElement()
			.satisfies((call) -> assertThat(call.identity()).isEqualTo(Identity.user("eyJ.user.jwt")));
	}

	@Test
	void aDroppedConnectionIsATransportFailure() {
		this.convex.expect(SEND_EMAIL).andRespond(withDroppedConnection());
		assertThatExceptionOfType(ConvexTransportException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")));
	}

	@Test
	void aDelayedAnswerComesAfterTheDelay() {
		this.convex.expect(SEND_EMAIL).andRespond(withValue(new EmailReceipt("msg_2", "sent")).after(Duration.ofMillis(300)));
		long start = System.nanoTime();
		assertThat(this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")))
			.isEqualTo(new EmailReceipt("msg_2", "sent"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void aDelayBeyondTheResponseTimeoutTimesTheClientOut() {
		ConvexActionClient impatient = new ConvexActionClient(
				ConvexTransport.builder(this.convex.url()).responseTimeout(Duration.ofMillis(200)).build());
		this.convex.expect(SEND_EMAIL).andRespond(withNull().after(Duration.ofSeconds(3)));
		assertThatExceptionOfType(ConvexTimeoutException.class)
			.isThrownBy(() -> impatient.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "Hi")));
	}

	@Test
	void anAnswerIsComputedFromTheCall() {
		this.convex.expect(SEND_EMAIL, times(2))
			.andRespond(withAnswer((call) -> new EmailReceipt("msg_" + call.args(SendEmail.class).subject(), "sent")));
		assertThat(this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "x")).id()).isEqualTo("msg_x");
		assertThat(this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "y")).id()).isEqualTo("msg_y");
		this.convex.verify();
	}

	@Test
	void otherArgumentsAreAnUnexpectedCallWithTheDifference() {
		this.convex.expect(SEND_EMAIL).withArgs(new SendEmail("ada@example.com", "Welcome"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("bob@example.com", "Welcome")))
			.withMessageContaining("ConvexStub: Unexpected call: action emails:send");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.convex::verify)
			.withMessageContaining("Unexpected call: action emails:send {\"to\": \"bob@example.com\", \"subject\": \"Welcome\"}")
			.withMessageContaining("$.to: expected \"ada@example.com\", was \"bob@example.com\"")
			.withMessageContaining("Not met: action emails:send");
	}

	@Test
	void theKindIsChecked() {
		this.convex.expect(SEND_EMAIL);
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.mutations.executeBlocking("emails:send", Map.of(), String.class));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.convex::verifyNoUnexpectedCalls)
			.withMessageContaining("Unexpected call: mutation emails:send {}")
			.withMessageContaining("kind: expected action, was mutation");
	}

	@Test
	void aFloat64WhereAnInt64IsExpectedIsADifference() {
		this.convex.expect(SAVE_ITEM).withArgs(new OrderItem("A-1", 3)).andRespond(withValue("order_1"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.mutations.executeBlocking(SAVE_LOOSE_ITEM, new LooseItem("A-1", 3)));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.convex::verify)
			.withMessageContaining("$.quantity: expected 3n, was 3");
		this.convex.reset();
		this.convex.expect(SAVE_ITEM).withArgs(new OrderItem("A-1", 3)).andRespond(withValue("order_1"));
		assertThat(this.mutations.executeBlocking(SAVE_ITEM, new OrderItem("A-1", 3))).isEqualTo("order_1");
		this.convex.verify();
	}

	@Test
	void aJsonTreeMatchesNumbersByValue() {
		JsonMapper json = JsonMapper.builder().build();
		this.convex.expect(FunctionKind.QUERY, "orders:list")
			.withArgsTree(json.readTree("{\"limit\": 20}"))
			.andRespond(withValue(List.of("order_1")));
		assertThat(this.queries.executeBlocking(LIST_ORDERS, new ListOrders(20))).containsExactly("order_1");
		this.convex.verify();
	}

	@Test
	void oneCallTooManyIsUnexpectedAndTooFewIsNotMet() {
		this.convex.expect(SEND_EMAIL).andRespond(withValue(new EmailReceipt("msg_1", "sent")));
		this.convex.expect(LIST_ORDERS, times(2)).andRespond(withValue(List.of()));
		this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "1"));
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "2")));
		this.queries.executeBlocking(LIST_ORDERS, new ListOrders(1));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.convex::verify)
			.withMessageContaining("matches, but no more calls are expected")
			.withMessageContaining("Not met: query orders:list, expected 2 times, called 1 time");
		assertThat(this.convex.calls()).extracting(RecordedCall::path, RecordedCall::expected)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("emails:send", true),
					org.assertj.core.groups.Tuple.tuple("emails:send", false),
					org.assertj.core.groups.Tuple.tuple("orders:list", true));
	}

	@Test
	void aCallToAnUnknownPathListsWhatIsExpected() {
		this.convex.expect(SEND_EMAIL);
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.queries.executeBlocking(LIST_ORDERS, new ListOrders(5)));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.convex::verify)
			.withMessageContaining("Unexpected call: query orders:list {\"limit\": 5.0}")
			.withMessageContaining("no expectation for orders:list; expected:\n    action emails:send, expected once, called 0 times");
	}

	@Test
	void verifyWithATimeoutWaitsForABackgroundCall() {
		this.convex.expect(SEND_EMAIL).andRespond(withValue(new EmailReceipt("msg_1", "sent")));
		this.actions.execute(SEND_EMAIL, new SendEmail("a@b.c", "later"))
			.delaySubscription(Duration.ofMillis(200), Schedulers.parallel())
			.subscribe();
		assertThatNoException().isThrownBy(() -> this.convex.verify(Duration.ofSeconds(20)));
		assertThat(this.convex.calls(SEND_EMAIL)).singleElement()
			.satisfies((call) -> assertThat(call.<SendEmail>args(SendEmail.class).subject()).isEqualTo("later"));
	}

	@Test
	void resetForgetsTheScript() {
		this.convex.expect(SEND_EMAIL, manyTimes());
		this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "1"));
		this.convex.reset();
		assertThat(this.convex.calls()).isEmpty();
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> this.actions.executeBlocking(SEND_EMAIL, new SendEmail("a@b.c", "2")));
	}

}
