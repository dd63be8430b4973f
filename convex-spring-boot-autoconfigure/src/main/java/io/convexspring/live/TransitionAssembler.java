package io.convexspring.live;

import org.jspecify.annotations.Nullable;

import io.convexspring.live.ServerMessage.TransitionChunk;

/**
 * Joins the parts of a chunked Transition, which arrive in order and back to back. A part out
 * of order, of another transition or count, or any other message in between, discards what
 * was collected, as the npm client does. Bounded by the largest message accepted.
 */
final class TransitionAssembler {

	private final long maxChars;

	private @Nullable StringBuilder text;

	private @Nullable String transitionId;

	private int nextPart;

	private int totalParts;

	TransitionAssembler(long maxChars) {
		this.maxChars = maxChars;
	}

	/**
	 * Adds a part.
	 * @return the whole Transition's text once the last part is in, else {@code null}
	 * @throws IllegalStateException if the parts grow beyond the largest message accepted
	 */
	@Nullable String add(TransitionChunk chunk) {
		if (chunk.partNumber() == 0) {
			// the server's part count is not trusted with the allocation: capped at the largest message
			this.text = new StringBuilder((int) Math.max(0, Math.min(this.maxChars, (long) chunk.chunk().length() * chunk.totalParts())));
			this.transitionId = chunk.transitionId();
			this.totalParts = chunk.totalParts();
			this.nextPart = 0;
		}
		StringBuilder collected = this.text;
		if (collected == null || chunk.partNumber() != this.nextPart || chunk.totalParts() != this.totalParts
				|| !chunk.transitionId().equals(this.transitionId)) {
			reset();
			return null;
		}
		if (collected.length() + (long) chunk.chunk().length() > this.maxChars) {
			reset();
			throw new IllegalStateException("a chunked Transition is larger than " + this.maxChars + " characters");
		}
		collected.append(chunk.chunk());
		this.nextPart++;
		if (this.nextPart < this.totalParts) {
			return null;
		}
		reset();
		return collected.toString();
	}

	boolean inProgress() {
		return this.text != null;
	}

	void reset() {
		this.text = null;
		this.transitionId = null;
		this.nextPart = 0;
		this.totalParts = 0;
	}

}
