package io.convexspring.test;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.test.server.Identity;

/**
 * One call that reached a {@link ConvexStub}, expected or not.
 *
 * @param kind the kind it was called as
 * @param path the function's path, {@code module:function}
 * @param args the arguments as the codec's lossless tree (int64 values are
 * {@link io.convexspring.codec.Int64Node}s)
 * @param identity who it ran as (never shows a token)
 * @param expected whether an expectation matched it
 * @param codec the codec, to bind the arguments
 */
public record RecordedCall(FunctionKind kind, String path, JsonNode args, Identity identity, boolean expected,
		ConvexCodec codec) {

	/**
	 * Binds the arguments to a type, as the function would see them.
	 * @param <T> the type
	 * @param type a record, a bean or a {@code Map}
	 * @return the arguments
	 */
	public <T> @Nullable T args(Type type) {
		return this.codec.convert(this.args, type);
	}

	@Override
	public String toString() {
		return this.kind.label().toLowerCase(java.util.Locale.ROOT) + " " + this.path + " "
				+ ArgumentsDiff.show(this.args) + " as " + this.identity;
	}

}
