package io.convexspring.live;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;

/**
 * A mutation or action sent, or to be sent, over a socket: its request id, its frame, and
 * where it stands. A mutation that succeeded waits here until a Transition at or after its
 * commit timestamp has been applied. Confined to the socket's protocol thread.
 */
final class PendingRequest {

	final FunctionKind kind;

	final String path;

	final String argsJson;

	final JavaType type;

	final MonoSink<Object> sink;

	final LogLinesSink logLines;

	int requestId = -1;

	boolean sent;

	boolean completed;

	long ts;

	@Nullable JsonNode result;

	List<String> resultLogLines = List.of();

	PendingRequest(FunctionKind kind, String path, String argsJson, JavaType type, MonoSink<Object> sink,
			LogLinesSink logLines) {
		this.kind = kind;
		this.path = path;
		this.argsJson = argsJson;
		this.type = type;
		this.sink = sink;
		this.logLines = logLines;
	}

	boolean isMutation() {
		return this.kind == FunctionKind.MUTATION;
	}

	String frame() {
		return ClientMessages.request(isMutation() ? "Mutation" : "Action", this.requestId, this.path, this.argsJson);
	}

	/** Where a successful call's log lines go (the observation), before the result does. */
	@FunctionalInterface
	interface LogLinesSink {

		void accept(List<String> logLines);

	}

}
