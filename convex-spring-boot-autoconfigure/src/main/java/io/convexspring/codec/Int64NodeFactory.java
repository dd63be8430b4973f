package io.convexspring.codec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NumericNode;
import tools.jackson.databind.node.ValueNode;

/**
 * Builds decoded trees: the decoder turns only {@code $integer} into integer tokens, so every
 * integer node it asks for is an int64 and becomes an {@link Int64Node}.
 */
final class Int64NodeFactory extends JsonNodeFactory {

	private static final long serialVersionUID = 1L;

	@Override
	public NumericNode numberNode(long value) {
		return new Int64Node(value);
	}

	@Override
	public ValueNode numberNode(@Nullable Long value) {
		return (value != null) ? new Int64Node(value) : nullNode();
	}

}
