package io.convexspring.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import io.convexspring.client.ConvexApplicationException;
import io.convexspring.client.ConvexFunctionFailedException;
import io.convexspring.client.ConvexResultException;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.codec.ConvexValueException;
import io.convexspring.live.ServerMessage.QueryFailed;
import io.convexspring.live.ServerMessage.QueryModification;
import io.convexspring.live.ServerMessage.QueryUpdated;

/**
 * One query in a socket's query set, shared by every subscriber to the same path and
 * arguments: its id, its latest result (bound once per result type its subscribers ask for),
 * and its journal. Confined to the socket's protocol thread.
 */
final class QueryEntry {

	private static final JsonMapper KEYS = JsonMapper.builder().build();

	final int queryId;

	final String path;

	final String argsJson;

	final String key;

	final List<Subscriber> subscribers = new ArrayList<>(1);

	private @Nullable QueryModification latest;

	private boolean hasJournal;

	/** Whether the result came on the current socket (else it is from before a reconnect). */
	private boolean fresh;

	private @Nullable String journal;

	private final Map<JavaType, QueryResult<?>> bound = new HashMap<>(2);

	QueryEntry(int queryId, String path, String argsJson, String key) {
		this.queryId = queryId;
		this.path = path;
		this.argsJson = argsJson;
		this.key = key;
	}

	/**
	 * The sharing key: the path and the arguments with every object's keys sorted, as the npm
	 * client's, so that maps with equal entries in another order share one query.
	 */
	static String key(String path, String argsJson) {
		StringBuilder key = new StringBuilder(path.length() + argsJson.length() + 1).append(path).append('\u0000');
		canonical(KEYS.readTree(argsJson), key);
		return key.toString();
	}

	private static void canonical(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			TreeMap<String, JsonNode> sorted = new TreeMap<>();
			node.properties().forEach((property) -> sorted.put(property.getKey(), property.getValue()));
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> property : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				out.append(StringNode.valueOf(property.getKey())).append(':');
				canonical(property.getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				canonical(node.get(i), out);
			}
			out.append(']');
		}
		else {
			out.append(node);
		}
	}

	void update(QueryModification modification) {
		this.latest = modification;
		this.fresh = true;
		this.bound.clear();
		if (modification instanceof QueryUpdated updated) {
			this.hasJournal = true;
			this.journal = updated.journal();
		}
		else if (modification instanceof QueryFailed failed) {
			this.hasJournal = true;
			this.journal = failed.journal();
		}
	}

	boolean hasResult() {
		return this.latest != null;
	}

	boolean hasFreshResult() {
		return this.latest != null && this.fresh;
	}

	void reopened() {
		this.fresh = false;
	}

	boolean hasJournal() {
		return this.hasJournal;
	}

	@Nullable String journal() {
		return this.journal;
	}

	@Nullable List<String> logLines() {
		if (this.latest instanceof QueryUpdated updated) {
			return updated.logLines();
		}
		return (this.latest instanceof QueryFailed failed) ? failed.logLines() : null;
	}

	/** The latest result as the type asks, bound once per type; {@code null} before the first. */
	@Nullable QueryResult<?> result(JavaType type, ConvexCodec codec) {
		QueryModification modification = this.latest;
		if (modification == null) {
			return null;
		}
		return this.bound.computeIfAbsent(type, (key) -> bind(modification, key, codec));
	}

	private QueryResult<?> bind(QueryModification modification, JavaType type, ConvexCodec codec) {
		if (modification instanceof QueryFailed failed) {
			if (failed.errorData() != null) {
				return new QueryResult.Failure<>(new ConvexApplicationException(FunctionKind.QUERY, this.path,
						failed.errorData(), failed.errorMessage(), failed.logLines(), codec));
			}
			return new QueryResult.Failure<>(
					new ConvexFunctionFailedException(FunctionKind.QUERY, this.path, failed.errorMessage(), failed.logLines()));
		}
		try {
			return new QueryResult.Value<>(codec.convert(((QueryUpdated) modification).value(), type));
		}
		catch (ConvexValueException ex) {
			return new QueryResult.Failure<>(new ConvexResultException(FunctionKind.QUERY, this.path, "its result", ex));
		}
	}

}
