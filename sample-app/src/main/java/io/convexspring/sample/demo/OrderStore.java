package io.convexspring.sample.demo;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The demo's only table: orders in memory, newest first, bounded so a long-running demo cannot
 * grow without limit. Like {@code db.insert} it adds the system fields {@code _id} and
 * {@code _creationTime}. Shared by all request threads, hence synchronized.
 */
final class OrderStore {

	static final int CAPACITY = 1000;

	private final Deque<Map<String, @Nullable Object>> orders = new ArrayDeque<>();

	private double lastCreationTime;

	/** Stores a document and returns its new id. */
	synchronized String insert(Map<String, @Nullable Object> fields) {
		String id = DemoIds.documentId();
		// Strictly increasing, like Convex's, so "newest first" is never ambiguous.
		double creationTime = Math.max((double) System.currentTimeMillis(), this.lastCreationTime + 0.001);
		this.lastCreationTime = creationTime;
		Map<String, @Nullable Object> document = ConvexValues.object("_id", id, "_creationTime", creationTime);
		document.putAll(fields);
		this.orders.addFirst(Collections.unmodifiableMap(document));
		if (this.orders.size() > CAPACITY) {
			this.orders.removeLast();
		}
		return id;
	}

	synchronized List<Map<String, @Nullable Object>> newest(int limit) {
		return this.orders.stream().limit(limit).toList();
	}

}
