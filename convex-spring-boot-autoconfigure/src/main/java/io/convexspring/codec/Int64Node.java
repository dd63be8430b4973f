package io.convexspring.codec;

import tools.jackson.databind.node.LongNode;

/**
 * A {@link LongNode} that stands for a Convex int64. Trees decoded by {@link ConvexCodec} hold
 * their int64 values as this node, so that writing such a tree back sends them as int64
 * again; any other long node is a number like any Java {@code long}, and goes out as float64.
 */
public final class Int64Node extends LongNode {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates a node for an int64 value.
	 * @param value the value
	 */
	public Int64Node(long value) {
		super(value);
	}

}
