package io.convexspring.test.server;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What running a function came to, with values already in their wire JSON text so that they can
 * be written into any envelope and compared for change.
 */
sealed interface Outcome {

	/** The lines the function logged, in {@code [LEVEL] message} form. */
	List<String> logLines();

	/**
	 * The function returned.
	 * @param valueJson the encoded result
	 */
	record Success(String valueJson, List<String> logLines) implements Outcome {
	}

	/**
	 * The function failed: uncaught, a validation error, or a ConvexError with data.
	 * @param errorMessage the message, as the backend words it
	 * @param errorDataJson the encoded ConvexError data, {@code null} for any other failure
	 */
	record Failure(String errorMessage, @Nullable String errorDataJson, List<String> logLines) implements Outcome {
	}

	/**
	 * The request was refused before the function ran.
	 * @param refusal the status, code and message
	 */
	record Refused(RequestRefusedException refusal) implements Outcome {

		@Override
		public List<String> logLines() {
			return List.of();
		}

	}

	/** The connection that carried the call is to be closed without an answer. */
	record Dropped() implements Outcome {

		@Override
		public List<String> logLines() {
			return List.of();
		}

	}

}
