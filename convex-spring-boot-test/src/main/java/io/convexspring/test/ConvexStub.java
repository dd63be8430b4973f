package io.convexspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.ConvexFunction;
import io.convexspring.client.ConvexQuery;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * A scripted Convex deployment for tests, in the style of Spring's
 * {@code MockRestServiceServer}: expect calls to function references or paths, answer each with a
 * value, a {@code ConvexError}, a failure, a refusal, a delay or a dropped connection, then verify
 * what was called. It runs a {@link LocalConvexDeployment} on {@code 127.0.0.1}, so the app's
 * real clients, codec and error handling run unchanged over HTTP (and live queries over the sync
 * protocol).
 *
 * <pre class="code">
 * convex.expect(SEND_EMAIL)
 *     .withArgs(new SendEmail("ada@example.com", "Welcome", "Hello Ada"))
 *     .andRespond(withValue(new EmailReceipt("msg_1", "sent", 1767225600000L)));
 * // ... exercise the app ...
 * convex.verify();
 * </pre>
 *
 * A call that no expectation matches (another kind, path or arguments, or one call too many)
 * fails as a function error on the client, and {@link #verify()} (or, with
 * {@link AutoConfigureConvexStub}, the end of the test method) fails the test with the
 * difference. Calls match expectations in any order; among several that match, the first
 * declared that still allows a call answers it. Thread-safe.
 */
public final class ConvexStub implements AutoCloseable {

	private final Object lock = new Object();

	private final List<ConvexStubExpectation> expectations = new ArrayList<>();

	private final List<RecordedCall> calls = new ArrayList<>();

	private final List<String> unexpected = new ArrayList<>();

	private final LocalConvexDeployment deployment;

	private volatile ConvexCodec codec;

	private ConvexStub(ConvexCodec codec) {
		this.codec = codec;
		this.deployment = LocalConvexDeployment.builder().fallback(this::handle).start();
	}

	/**
	 * Starts a stub on any free loopback port, with the default codec.
	 * @return the running stub; close it to stop
	 */
	public static ConvexStub start() {
		return new ConvexStub(ConvexCodec.create());
	}

	/**
	 * Starts a stub that encodes results and expected arguments with the app's codec (its
	 * naming strategy and modules).
	 * @param codec the codec
	 * @return the running stub
	 */
	public static ConvexStub start(ConvexCodec codec) {
		return new ConvexStub(Objects.requireNonNull(codec, "codec must not be null"));
	}

	/**
	 * Returns the deployment URL to set as {@code convex.url}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return this.deployment.url();
	}

	/**
	 * Returns the deployment underneath, for what the script does not cover (dropping the sync
	 * sockets, counting them).
	 * @return the deployment
	 */
	public LocalConvexDeployment deployment() {
		return this.deployment;
	}

	/**
	 * Uses the app's codec from now on, for results and typed expected arguments.
	 * @param codec the codec
	 */
	public void useCodec(ConvexCodec codec) {
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
	}

	/**
	 * Expects one call of a function.
	 * @param function the reference; its kind is checked too
	 * @return the expectation, to add arguments and a response to
	 */
	public ConvexStubExpectation expect(ConvexFunction<?, ?> function) {
		return expect(function, ExpectedCalls.once());
	}

	/**
	 * Expects calls of a function.
	 * @param function the reference; its kind is checked too
	 * @param count how many calls
	 * @return the expectation
	 */
	public ConvexStubExpectation expect(ConvexFunction<?, ?> function, ExpectedCalls count) {
		return expect(function.kind(), function.path(), count);
	}

	/**
	 * Expects one call of a function by its path.
	 * @param kind the kind it must be called as
	 * @param path the path, {@code module:function}
	 * @return the expectation
	 */
	public ConvexStubExpectation expect(FunctionKind kind, String path) {
		return expect(kind, path, ExpectedCalls.once());
	}

	/**
	 * Expects calls of a function by its path.
	 * @param kind the kind it must be called as
	 * @param path the path, {@code module:function}
	 * @param count how many calls
	 * @return the expectation
	 */
	public ConvexStubExpectation expect(FunctionKind kind, String path, ExpectedCalls count) {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(count, "count must not be null");
		ConvexStubExpectation expectation = new ConvexStubExpectation(kind, canonical(path), count, this.codec);
		synchronized (this.lock) {
			this.expectations.add(expectation);
		}
		return expectation;
	}

	/**
	 * Gives a query a new result and pushes it to its live subscribers, as a commit that changed
	 * what it reads would: every expectation of the query answers the value from now on, and
	 * every sync-protocol subscriber gets it in a Transition. Expect the query with
	 * {@link ExpectedCalls#manyTimes()}: each push runs it again.
	 * @param <R> the result type
	 * @param query the query
	 * @param value its new result
	 * @throws IllegalStateException if the query is not expected
	 */
	public <R> void push(ConvexQuery<?, R> query, @Nullable R value) {
		String path = canonical(query.path());
		synchronized (this.lock) {
			List<ConvexStubExpectation> matching = this.expectations.stream()
				.filter((expectation) -> expectation.kind() == FunctionKind.QUERY && expectation.path().equals(path))
				.toList();
			if (matching.isEmpty()) {
				throw new IllegalStateException("Query " + path + " is not expected: expect(" + path
						+ ", manyTimes()) before pushing its results");
			}
			matching.forEach((expectation) -> expectation.andRespond(ConvexStubResponses.withValue(value)));
		}
		this.deployment.invalidate(path);
	}

	/**
	 * Returns every call so far, expected or not, oldest first.
	 * @return the calls
	 */
	public List<RecordedCall> calls() {
		synchronized (this.lock) {
			return List.copyOf(this.calls);
		}
	}

	/**
	 * Returns the calls of one function (as that kind), oldest first.
	 * @param function the reference
	 * @return its calls
	 */
	public List<RecordedCall> calls(ConvexFunction<?, ?> function) {
		String path = canonical(function.path());
		return calls().stream().filter((call) -> call.kind() == function.kind() && call.path().equals(path)).toList();
	}

	/**
	 * Checks that every expectation got its number of calls and that no unexpected call came.
	 * @throws AssertionError saying which expectations were not met and which calls matched
	 * none, with the differences
	 */
	public void verify() {
		List<String> problems = new ArrayList<>();
		synchronized (this.lock) {
			problems.addAll(this.unexpected);
			this.expectations.stream()
				.filter((expectation) -> !expectation.satisfied())
				.forEach((expectation) -> problems.add("Not met: " + expectation));
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("ConvexStub: " + String.join("\n\n", problems));
		}
	}

	/**
	 * Waits until every expectation got its number of calls, for calls the app makes in the
	 * background, then {@link #verify() verifies}.
	 * @param timeout how long to wait at most
	 * @throws AssertionError as {@link #verify()}, after the timeout
	 */
	public void verify(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.unexpected.isEmpty() && !this.expectations.stream().allMatch(ConvexStubExpectation::satisfied)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				try {
					this.lock.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		verify();
	}

	/**
	 * Checks only that no unexpected call came, leaving unmet expectations alone.
	 * @throws AssertionError describing each unexpected call
	 */
	public void verifyNoUnexpectedCalls() {
		synchronized (this.lock) {
			if (!this.unexpected.isEmpty()) {
				throw new AssertionError("ConvexStub: " + String.join("\n\n", this.unexpected));
			}
		}
	}

	/** Forgets every expectation and call, for the next test. */
	public void reset() {
		synchronized (this.lock) {
			this.expectations.clear();
			this.calls.clear();
			this.unexpected.clear();
		}
	}

	/** Stops the deployment. */
	@Override
	public void close() {
		this.deployment.close();
	}

	@Override
	public String toString() {
		return "ConvexStub[" + url() + "]";
	}

	private @Nullable Object handle(FunctionCall call) throws Exception {
		ConvexStubExpectation match = null;
		String problem = null;
		synchronized (this.lock) {
			for (ConvexStubExpectation expectation : this.expectations) {
				if (expectation.allowsAnother() && expectation.mismatches(call.kind(), call.path(), call.args()).isEmpty()) {
					match = expectation;
					break;
				}
			}
			if (match != null) {
				match.called();
			}
			else {
				problem = describeUnexpected(call);
				this.unexpected.add(problem);
			}
			this.calls.add(new RecordedCall(call.kind(), call.path(), call.args(), call.identity(), match != null,
					this.codec));
			this.lock.notifyAll();
		}
		if (match == null) {
			throw new ConvexStubResponses.StubFunctionError("ConvexStub: " + problem);
		}
		return match.response().respond(call, this.codec);
	}

	// guarded by lock
	private String describeUnexpected(FunctionCall call) {
		StringBuilder text = new StringBuilder("Unexpected call: ").append(ConvexStubExpectation.label(call.kind()))
			.append(' ')
			.append(call.path())
			.append(' ')
			.append(ArgumentsDiff.show(call.args()));
		List<ConvexStubExpectation> samePath = this.expectations.stream()
			.filter((expectation) -> expectation.path().equals(call.path()))
			.toList();
		if (this.expectations.isEmpty()) {
			return text.append("\n  nothing is expected").toString();
		}
		if (samePath.isEmpty()) {
			text.append("\n  no expectation for ").append(call.path()).append("; expected:");
			this.expectations.forEach((expectation) -> text.append("\n    ").append(expectation));
			return text.toString();
		}
		for (ConvexStubExpectation expectation : samePath) {
			text.append("\n  against ").append(expectation);
			List<String> mismatches = expectation.mismatches(call.kind(), call.path(), call.args());
			if (mismatches.isEmpty()) {
				text.append("\n    matches, but no more calls are expected");
			}
			mismatches.forEach((mismatch) -> text.append("\n    ").append(mismatch));
		}
		return text.toString();
	}

	/** The backend's canonical form of a path: a bare module is its default export. */
	static String canonical(String path) {
		Objects.requireNonNull(path, "path must not be null");
		return path.contains(":") ? path : path + ":default";
	}

}
