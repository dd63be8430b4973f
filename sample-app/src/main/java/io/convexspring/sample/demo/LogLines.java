package io.convexspring.sample.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The console of one function call: what a function logs comes back to the client as
 * {@code logLines}, in the backend's {@code [LEVEL] message} form.
 */
final class LogLines {

	/** The backend keeps at most this many lines per call. */
	private static final int MAX_LINES = 256;

	private final List<String> lines = new ArrayList<>();

	void log(String message) {
		add("LOG", message);
	}

	void info(String message) {
		add("INFO", message);
	}

	void warn(String message) {
		add("WARN", message);
	}

	void error(String message) {
		add("ERROR", message);
	}

	List<String> lines() {
		return List.copyOf(this.lines);
	}

	private void add(String level, String message) {
		if (this.lines.size() < MAX_LINES) {
			this.lines.add("[" + level + "] " + message);
		}
	}

}
