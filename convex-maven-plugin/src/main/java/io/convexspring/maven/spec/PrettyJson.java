package io.convexspring.maven.spec;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON text as JavaScript's {@code JSON.stringify(value, null, 2)} writes it, so a spec read from
 * a deployment looks like one printed by {@code npx convex function-spec}.
 */
final class PrettyJson {

	private PrettyJson() {
	}

	static String write(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, "", out);
		return out.append('\n').toString();
	}

	private static void write(JsonNode node, String indent, StringBuilder out) {
		String inner = indent + "  ";
		if (node.isObject() && !node.isEmpty()) {
			out.append("{\n");
			boolean first = true;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				out.append(first ? "" : ",\n").append(inner).append(tools.jackson.databind.node.StringNode.valueOf(field.getKey()))
					.append(": ");
				write(field.getValue(), inner, out);
				first = false;
			}
			out.append('\n').append(indent).append('}');
		}
		else if (node.isArray() && !node.isEmpty()) {
			out.append("[\n");
			for (int i = 0; i < node.size(); i++) {
				out.append((i > 0) ? ",\n" : "").append(inner);
				write(node.get(i), inner, out);
			}
			out.append('\n').append(indent).append(']');
		}
		else {
			out.append(node.toString());
		}
	}

}
