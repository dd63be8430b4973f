package io.convexspring.test.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.convexspring.client.FunctionKind;

/**
 * The deployed functions by canonical path, like the function table of a pushed Convex app,
 * and the optional fallback that answers every other path. Filled by the builder, then read by
 * every worker thread.
 */
final class FunctionRegistry {

	private final Map<String, Registered> functions = new ConcurrentHashMap<>();

	private volatile @Nullable FunctionHandler fallback;

	void register(String path, FunctionKind kind, FunctionHandler handler) {
		String canonical = FunctionPaths.canonical(path);
		if (this.functions.putIfAbsent(canonical, new Registered(kind, handler)) != null) {
			throw new IllegalStateException("Function " + canonical + " is already registered");
		}
	}

	void fallback(FunctionHandler fallback) {
		this.fallback = fallback;
	}

	/** The function at a path; the fallback, if any, stands for every unregistered path and kind. */
	Optional<Registered> find(String canonicalPath, FunctionKind requested) {
		Registered registered = this.functions.get(canonicalPath);
		FunctionHandler fallback = this.fallback;
		if (registered == null && fallback != null) {
			return Optional.of(new Registered(requested, fallback));
		}
		return Optional.ofNullable(registered);
	}

	/** A registered function: its kind decides which endpoints and messages may run it. */
	record Registered(FunctionKind kind, FunctionHandler handler) {
	}

}
