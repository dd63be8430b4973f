package io.convexspring.client;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value made by the first {@link #get()}, exactly once however many threads ask at the same
 * time, and one volatile read for each {@code get()} after it. A factory that throws makes
 * nothing: the exception goes to that caller, and the next {@code get()} tries again.
 *
 * @param <T> the value's type
 */
final class Lazy<T> implements Supplier<T> {

	private final Supplier<? extends T> factory;

	private volatile @Nullable T value;

	Lazy(Supplier<? extends T> factory) {
		this.factory = Objects.requireNonNull(factory, "factory must not be null");
	}

	@Override
	public T get() {
		T made = this.value;
		if (made == null) {
			synchronized (this) {
				made = this.value;
				if (made == null) {
					made = Objects.requireNonNull(this.factory.get(), "the factory returned null");
					this.value = made;
				}
			}
		}
		return made;
	}

	/**
	 * Returns the value if it has been made, without making it.
	 * @return the value, or {@code null}
	 */
	@Nullable T ifMade() {
		return this.value;
	}

}
