package io.convexspring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A decoded function outcome: {@code {"status":"success","value":...}} or
 * {@code {"status":"error","errorMessage":...,"errorData":...}}, with the log lines.
 *
 * @param success whether the function succeeded
 * @param value the result, bound to the requested type (success only)
 * @param errorMessage the server's message (failure only)
 * @param errorData the {@code ConvexError} data (failure by {@code ConvexError} only)
 * @param logLines the function's log lines
 */
record ResponseEnvelope(boolean success, @Nullable Object value, @Nullable String errorMessage,
		@Nullable JsonNode errorData, List<String> logLines) {

}
