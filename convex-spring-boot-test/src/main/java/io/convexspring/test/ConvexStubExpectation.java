package io.convexspring.test;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;

/**
 * One expected function call of a {@link ConvexStub}: its kind and path, optionally its
 * arguments, how many times it may come, and what to answer. Returned by
 * {@link ConvexStub#expect}; configure it before the call arrives.
 */
public final class ConvexStubExpectation {

	private final FunctionKind kind;

	private final String path;

	private final ExpectedCalls count;

	private final ConvexCodec codec;

	private volatile @Nullable JsonNode expectedArgs;

	private volatile boolean strictNumbers;

	private volatile ConvexStubResponse response = ConvexStubResponses.withNull();

	private int calls;

	ConvexStubExpectation(FunctionKind kind, String path, ExpectedCalls count, ConvexCodec codec) {
		this.kind = kind;
		this.path = path;
		this.count = count;
		this.codec = codec;
	}

	/**
	 * Expects these arguments, compared as Convex values after encoding with the app's codec: an
	 * int64 ({@code @Int64}, {@code ConvexInt64}) matches only an int64, a float64 only a
	 * float64.
	 * @param args the arguments as the app passes them: a record, a bean or a {@code Map}
	 * @return this expectation
	 */
	public ConvexStubExpectation withArgs(Object args) {
		Objects.requireNonNull(args, "args must not be null");
		if (args instanceof JsonNode tree) {
			return withArgsTree(tree);
		}
		this.expectedArgs = this.codec.treeFromWireJson(this.codec.toWireJson(args));
		this.strictNumbers = true;
		return this;
	}

	/**
	 * Expects arguments equal to a JSON tree: fields and values must match; numbers match by
	 * value, whatever their Convex type, unless the tree holds an
	 * {@link io.convexspring.codec.Int64Node}, which matches only an int64.
	 * @param args the arguments, e.g. {@code mapper.readTree("{\"limit\": 20}")}
	 * @return this expectation
	 */
	public ConvexStubExpectation withArgsTree(JsonNode args) {
		this.expectedArgs = Objects.requireNonNull(args, "args must not be null");
		this.strictNumbers = false;
		return this;
	}

	/**
	 * Sets what to answer; without one, the function returns {@code null}.
	 * @param response the response, from {@link ConvexStubResponses}
	 * @return this expectation
	 */
	public ConvexStubExpectation andRespond(ConvexStubResponse response) {
		this.response = Objects.requireNonNull(response, "response must not be null");
		return this;
	}

	FunctionKind kind() {
		return this.kind;
	}

	String path() {
		return this.path;
	}

	ConvexStubResponse response() {
		return this.response;
	}

	/** What keeps a call from matching, one line each; empty when it matches (count aside). */
	List<String> mismatches(FunctionKind kind, String path, JsonNode args) {
		if (!this.path.equals(path)) {
			return List.of("path: expected " + this.path + ", was " + path);
		}
		if (this.kind != kind) {
			return List.of("kind: expected " + label(this.kind) + ", was " + label(kind));
		}
		JsonNode expected = this.expectedArgs;
		return (expected != null) ? ArgumentsDiff.between(expected, args, this.strictNumbers) : List.of();
	}

	// guarded by the stub's lock
	boolean allowsAnother() {
		return this.count.allowsAnother(this.calls);
	}

	void called() {
		this.calls++;
	}

	int calls() {
		return this.calls;
	}

	boolean satisfied() {
		return this.count.satisfiedBy(this.calls);
	}

	@Override
	public String toString() {
		JsonNode expected = this.expectedArgs;
		return label(this.kind) + " " + this.path + ((expected != null) ? " " + ArgumentsDiff.show(expected) : "")
				+ ", expected " + this.count + ", called " + this.calls + " time" + ((this.calls == 1) ? "" : "s")
				+ ", answering " + this.response;
	}

	static String label(FunctionKind kind) {
		return kind.label().toLowerCase(Locale.ROOT);
	}

}
