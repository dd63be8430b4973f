package io.convexspring.codec;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Convex document id ({@code v.id("orders")}), typed by its table: {@code Id<Tables.Orders>}
 * cannot be passed where an {@code Id<Tables.Users>} is expected. On the wire it is the id's
 * string, as Convex sends it; the table type exists only for the compiler.
 *
 * <pre class="code">
 * Id&lt;Tables.Orders&gt; id = actions.executeBlocking(Api.orders.save, args);
 * Id&lt;Tables.Orders&gt; same = Id.of(id.value());
 * </pre>
 *
 * @param <T> the table's type (a marker, e.g. a generated {@code Tables.Orders})
 * @param value the id's string, as Convex gives it
 */
public record Id<T>(@JsonValue String value) {

	/**
	 * Creates an id from its string.
	 * @param value the id's string, as Convex gives it
	 * @throws NullPointerException if the value is {@code null}
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Id {
		Objects.requireNonNull(value, "value must not be null");
	}

	/**
	 * Creates an id from its string.
	 * @param <T> the table's type
	 * @param value the id's string, as Convex gives it
	 * @return the id
	 */
	public static <T> Id<T> of(String value) {
		return new Id<>(value);
	}

	/**
	 * Returns the id's string, as it travels.
	 * @return the id's string
	 */
	@Override
	public String toString() {
		return this.value;
	}

}
