package io.convexspring.maven.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A generated type: a record, an enum, a sealed interface (a union) or a plain class holding
 * function references; with the types nested in it.
 */
final class TypeDecl {

	enum Kind {

		RECORD, ENUM, SEALED, MARKER, HOLDER

	}

	/**
	 * A record component.
	 * @param javaName the Java name
	 * @param wireName the Convex field name
	 * @param type the component's type as written
	 * @param annotations the annotations before the type
	 * @param doc what the Javadoc's {@code @param} says
	 */
	record Component(String javaName, String wireName, String type, List<String> annotations, String doc) {
	}

	final Kind kind;

	final String simpleName;

	/** The name from the top-level type, e.g. {@code Tables.Orders.Item}. */
	final String qualifiedName;

	final @Nullable TypeDecl parent;

	final List<TypeDecl> nested = new ArrayList<>();

	final List<Component> components = new ArrayList<>();

	/** Enum constants: Java name to wire value. */
	final Map<String, String> constants = new LinkedHashMap<>();

	/** Sealed members, each with its discriminator value (or {@code null} for deduction). */
	final Map<TypeDecl, @Nullable String> members = new LinkedHashMap<>();

	@Nullable String discriminator;

	@Nullable TypeDecl implementing;

	String javadoc = "";

	private final Set<String> taken = new HashSet<>();

	TypeDecl(Kind kind, String simpleName, @Nullable TypeDecl parent) {
		this.kind = kind;
		this.simpleName = simpleName;
		this.parent = parent;
		this.qualifiedName = (parent != null) ? parent.qualifiedName + "." + simpleName : simpleName;
	}

	/**
	 * Declares a type nested in this one, under a name unique among its siblings, its
	 * enclosing types and the reserved names.
	 */
	TypeDecl nest(Kind kind, String wanted, Set<String> reserved) {
		Set<String> avoid = new HashSet<>(this.taken);
		avoid.addAll(reserved);
		for (TypeDecl outer = this; outer != null; outer = outer.parent) {
			avoid.add(outer.simpleName);
		}
		String name = Names.unique(wanted, avoid);
		this.taken.add(name);
		TypeDecl decl = new TypeDecl(kind, name, this);
		this.nested.add(decl);
		return decl;
	}

	JavaType.Named type() {
		return this.qualifiedName.contains(".") ? JavaType.Named.nested(this.qualifiedName)
				: JavaType.Named.of(this.qualifiedName);
	}

}
