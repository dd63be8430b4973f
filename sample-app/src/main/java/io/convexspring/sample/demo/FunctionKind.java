package io.convexspring.sample.demo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of Convex function. Each has its own endpoint, and the backend refuses to run a
 * function through another kind's endpoint, which {@link FunctionRunner} reproduces.
 */
enum FunctionKind {

	ACTION("action", "Action"), MUTATION("mutation", "Mutation"), QUERY("query", "Query");

	private final String endpoint;

	private final String displayName;

	FunctionKind(String endpoint, String displayName) {
		this.endpoint = endpoint;
		this.displayName = displayName;
	}

	/** The name as the backend spells it in "Trying to execute x as Action" messages. */
	String displayName() {
		return this.displayName;
	}

	/** The kind served at {@code /api/<endpoint>}. */
	static Optional<FunctionKind> ofEndpoint(String endpoint) {
		return Arrays.stream(values()).filter((kind) -> kind.endpoint.equals(endpoint)).findFirst();
	}

}
