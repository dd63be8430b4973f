package io.convexspring.codec;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Renders arguments and results for logs, the actuator endpoint and action handles' debug
 * lines: JSON-like, bytes as their length ({@code <bytes: 1234>}), records by their
 * components, cut at a number of characters. Stops walking a value once the preview is full,
 * so a large value costs no more than its preview.
 */
public final class ValuePreview {

	/** What ends a preview that was cut. */
	public static final String TRUNCATED = "... (truncated)";

	private static final int MAX_DEPTH = 16;

	private final int maxChars;

	private final StringBuilder out = new StringBuilder();

	private ValuePreview(int maxChars) {
		this.maxChars = maxChars;
	}

	/**
	 * Renders a value.
	 * @param value the value
	 * @param maxChars the most characters kept before {@value #TRUNCATED}
	 * @return the preview
	 */
	public static String of(@Nullable Object value, int maxChars) {
		ValuePreview preview = new ValuePreview(Math.max(0, maxChars));
		try {
			preview.append(value, 0);
		}
		catch (Full ex) {
			// the preview is long enough
		}
		if (preview.out.length() > preview.maxChars) {
			preview.out.setLength(preview.maxChars);
			preview.out.append(TRUNCATED);
		}
		return preview.out.toString();
	}

	private void append(@Nullable Object value, int depth) {
		if (this.out.length() > this.maxChars) {
			throw Full.INSTANCE;
		}
		if (value == null) {
			write("null");
		}
		else if (value instanceof byte[] bytes) {
			write("<bytes: " + bytes.length + ">");
		}
		else if (value instanceof ByteBuffer buffer) {
			write("<bytes: " + buffer.remaining() + ">");
		}
		else if (value instanceof CharSequence text) {
			write("\"");
			write(text);
			write("\"");
		}
		else if (value instanceof Character) {
			write("\"" + value + "\"");
		}
		else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
			write(value.toString());
		}
		else if (depth >= MAX_DEPTH) {
			write("...");
		}
		else if (value instanceof JsonNode node) {
			appendNode(node, depth);
		}
		else if (value instanceof Optional<?> optional) {
			append(optional.orElse(null), depth + 1);
		}
		else if (value instanceof Map<?, ?> map) {
			appendEntries(map.entrySet().iterator(), depth);
		}
		else if (value instanceof Collection<?> collection) {
			appendItems(collection.iterator(), depth);
		}
		else if (value.getClass().isArray()) {
			write("[");
			for (int i = 0; i < Array.getLength(value); i++) {
				write((i > 0) ? ", " : "");
				append(Array.get(value, i), depth + 1);
			}
			write("]");
		}
		else if (value.getClass().isRecord()) {
			appendRecord(value, depth);
		}
		else {
			write(String.valueOf(value));
		}
	}

	private void appendNode(JsonNode node, int depth) {
		if (node.isBinary()) {
			write("<bytes: " + node.binaryValue().length + ">");
		}
		else if (node.isObject()) {
			appendEntries(node.properties().iterator(), depth);
		}
		else if (node.isArray()) {
			appendItems(node.values().iterator(), depth);
		}
		else {
			write(node.toString());
		}
	}

	private void appendEntries(Iterator<? extends Map.Entry<?, ?>> entries, int depth) {
		write("{");
		boolean first = true;
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			write(first ? "" : ", ");
			write("\"" + entry.getKey() + "\": ");
			append(entry.getValue(), depth + 1);
			first = false;
		}
		write("}");
	}

	private void appendItems(Iterator<?> items, int depth) {
		write("[");
		boolean first = true;
		while (items.hasNext()) {
			write(first ? "" : ", ");
			append(items.next(), depth + 1);
			first = false;
		}
		write("]");
	}

	private void appendRecord(Object record, int depth) {
		RecordComponent[] components;
		Object[] values;
		try {
			components = record.getClass().getRecordComponents();
			values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				components[i].getAccessor().setAccessible(true);
				values[i] = components[i].getAccessor().invoke(record);
			}
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			// a native image without reflection hints for the record throws an Error (a LinkageError)
			write(String.valueOf(record));
			return;
		}
		write("{");
		for (int i = 0; i < components.length; i++) {
			write((i > 0) ? ", " : "");
			write("\"" + components[i].getName() + "\": ");
			append(values[i], depth + 1);
		}
		write("}");
	}

	private void write(CharSequence text) {
		int room = this.maxChars + 1 - this.out.length();
		if (text.length() >= room) {
			this.out.append(text, 0, Math.max(0, room));
			throw Full.INSTANCE;
		}
		this.out.append(text);
	}

	/** Ends the walk once the preview is full. */
	private static final class Full extends RuntimeException {

		static final Full INSTANCE = new Full();

		private Full() {
			super(null, null, false, false);
		}

	}

}
