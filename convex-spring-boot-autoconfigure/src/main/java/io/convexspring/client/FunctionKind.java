package io.convexspring.client;

/**
 * The three kinds of Convex function, each with its own endpoint.
 */
public enum FunctionKind {

	/** Calls third-party APIs, runs long computations, has side effects. */
	ACTION("action", "Action", 'A'),

	/** Writes the database, transactionally. */
	MUTATION("mutation", "Mutation", 'M'),

	/** Reads the database. */
	QUERY("query", "Query", 'Q');

	private final String endpoint;

	private final String label;

	private final char letter;

	FunctionKind(String name, String label, char letter) {
		this.endpoint = "/api/" + name;
		this.label = label;
		this.letter = letter;
	}

	/**
	 * Returns the endpoint path below the deployment URL, e.g. {@code /api/action}.
	 * @return the endpoint path
	 */
	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the capitalized name, e.g. {@code Action}, as messages use it.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Returns the letter the official client uses in log prefixes ({@code A}, {@code M},
	 * {@code Q}).
	 * @return the letter
	 */
	public char letter() {
		return this.letter;
	}

}
