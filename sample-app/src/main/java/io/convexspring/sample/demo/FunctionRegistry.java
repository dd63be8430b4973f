package io.convexspring.sample.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The deployed functions by path, like the function table of a pushed Convex app. Filled once at
 * start, then read by every request thread.
 */
final class FunctionRegistry {

	private final Map<String, Registered> functions = new ConcurrentHashMap<>();

	void register(String path, FunctionKind kind, Handler handler) {
		String canonical = FunctionPath.parse(path).toString();
		if (this.functions.putIfAbsent(canonical, new Registered(kind, handler)) != null) {
			throw new IllegalStateException("Function " + canonical + " is already registered");
		}
	}

	Optional<Registered> find(FunctionPath path) {
		return Optional.ofNullable(this.functions.get(path.toString()));
	}

	/**
	 * A function's body: reads its arguments, may write log lines, returns a Convex value (see
	 * {@link ConvexValues}) or throws. A {@link ConvexErrorException} is an application error
	 * with data; an {@link ArgumentValidationException} a refused argument; anything else an
	 * uncaught error.
	 */
	@FunctionalInterface
	interface Handler {

		@Nullable Object handle(Args args, LogLines logs) throws Exception;

	}

	/** A registered function: its kind decides which endpoint may run it. */
	record Registered(FunctionKind kind, Handler handler) {
	}

}
