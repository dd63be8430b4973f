package io.convexspring.maven;

import org.jspecify.annotations.Nullable;

/**
 * A {@code <typeOverride>} of {@code convex:generate}: a {@code v.number()} that holds whole
 * numbers, to generate as {@code long}.
 */
public class TypeOverride {

	/** Where the number is: {@code table.field}, {@code module:export.args.field} or {@code module:export.returns[.field]}. */
	private @Nullable String path;

	/** The Java type to generate: {@code long} (the default). */
	private @Nullable String javaType;

	/**
	 * Returns the path.
	 * @return where the number is, or {@code null} when not configured
	 */
	public @Nullable String getPath() {
		return this.path;
	}

	/**
	 * Sets the path.
	 * @param path where the number is
	 */
	public void setPath(@Nullable String path) {
		this.path = path;
	}

	/**
	 * Returns the Java type.
	 * @return the Java type, or {@code null} for the default ({@code long})
	 */
	public @Nullable String getJavaType() {
		return this.javaType;
	}

	/**
	 * Sets the Java type.
	 * @param javaType the Java type
	 */
	public void setJavaType(@Nullable String javaType) {
		this.javaType = javaType;
	}

}
