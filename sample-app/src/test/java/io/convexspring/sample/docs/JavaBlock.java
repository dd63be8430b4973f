package io.convexspring.sample.docs;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One fenced {@code java} block of a Markdown file.
 *
 * @param file the Markdown file, relative to the repository root
 * @param firstLine the line number (1-based) of the block's first line of code
 * @param code the code, without the fence and with the fence's indentation removed
 * @param directive what the {@code <!-- java: ... -->} comment just before the fence says, or
 * {@code null} without one
 */
record JavaBlock(Path file, int firstLine, String code, @Nullable String directive) {

	/** Where the block starts, as {@code docs/client.md:12}, for failure messages. */
	String location() {
		return location(0);
	}

	/**
	 * Where a line of the block is.
	 * @param offset the line within the block, 0 for its first
	 * @return {@code file:line}
	 */
	String location(int offset) {
		return this.file.toString().replace('\\', '/') + ":" + (this.firstLine + offset);
	}

}
