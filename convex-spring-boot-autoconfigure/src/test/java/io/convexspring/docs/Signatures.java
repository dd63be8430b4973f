package io.convexspring.docs;

import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;

/**
 * The public constructors and methods of a class as the reference writes them: parameter
 * names, and types with simple names, type arguments and {@code @Nullable}.
 */
final class Signatures {

	private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

	private Signatures() {
	}

	/**
	 * Returns what a class offers its users.
	 * @param type the class
	 * @return its public constructors and methods (not those of {@code Object}), by signature
	 * as {@link ReferenceDoc.Entry#signature()} writes it
	 */
	static Map<String, Member> of(Class<?> type) {
		Map<String, Member> members = new LinkedHashMap<>();
		for (var constructor : type.getConstructors()) {
			Member member = member(type, constructor, true, null);
			members.put(member.signature(), member);
		}
		for (Method method : publicMethods(type)) {
			Member member = member(type, method, false, render(method.getAnnotatedReturnType(), type));
			members.put(member.signature(), member);
		}
		return members;
	}

	/**
	 * The public methods a user can call, each as declared (a public method of a package-private
	 * superclass has a synthetic copy in the subclass, without its generic signature), the
	 * most specific declaration first.
	 */
	private static List<Method> publicMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Method method : current.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) && !method.isBridge() && !method.isSynthetic()
						&& !OBJECT_METHODS.contains(method.getName())
						&& seen.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
					methods.add(method);
				}
			}
		}
		return methods;
	}

	private static Member member(Class<?> owner, Executable executable, boolean constructor,
			@Nullable String returnType) {
		Map<String, String> parameters = new LinkedHashMap<>();
		AnnotatedType[] types = executable.getAnnotatedParameterTypes();
		Parameter[] declared = executable.getParameters();
		for (int i = 0; i < declared.length; i++) {
			if (!declared[i].isNamePresent()) {
				throw new IllegalStateException("Compile with -parameters: " + executable + " has no parameter names");
			}
			parameters.put(declared[i].getName(), render(types[i], owner));
		}
		String name = constructor ? owner.getSimpleName() : executable.getName();
		return new Member(constructor, name, parameters, (returnType != null) ? returnType : "");
	}

	/**
	 * Writes a type as the reference does, e.g. {@code Mono<ActionResult<R>>} or
	 * {@code @Nullable A}; a type variable of a superclass is written as what the class binds
	 * it to.
	 * @param type the type, with its annotations
	 * @param owner the class whose member it belongs to
	 * @return the type as text
	 */
	static String render(AnnotatedType type, Class<?> owner) {
		String nullable = type.isAnnotationPresent(Nullable.class) ? "@Nullable " : "";
		Type plain = type.getType();
		if (type instanceof AnnotatedParameterizedType parameterized) {
			Class<?> raw = (Class<?>) ((ParameterizedType) plain).getRawType();
			return nullable + simpleName(raw) + Arrays.stream(parameterized.getAnnotatedActualTypeArguments())
				.map((argument) -> render(argument, owner))
				.collect(Collectors.joining(", ", "<", ">"));
		}
		if (type instanceof AnnotatedWildcardType wildcard) {
			AnnotatedType[] lower = wildcard.getAnnotatedLowerBounds();
			AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
			if (lower.length > 0) {
				return nullable + "? super " + render(lower[0], owner);
			}
			if (upper.length > 0 && upper[0].getType() != Object.class) {
				return nullable + "? extends " + render(upper[0], owner);
			}
			return nullable + "?";
		}
		if (type instanceof AnnotatedArrayType array) {
			return render(array.getAnnotatedGenericComponentType(), owner) + " " + nullable.strip() + "[]";
		}
		if (plain instanceof TypeVariable<?> variable) {
			if (variable.getGenericDeclaration() instanceof Class<?> declaring && declaring != owner) {
				int index = Arrays.asList(declaring.getTypeParameters()).indexOf(variable);
				Class<?> bound = ResolvableType.forClass(owner).as(declaring).getGeneric(index).resolve();
				if (bound != null) {
					return nullable + simpleName(bound);
				}
			}
			return nullable + variable.getName();
		}
		return nullable + simpleName((Class<?>) plain);
	}

	private static String simpleName(Class<?> type) {
		if (type.isPrimitive() || type.getPackageName().isEmpty()) {
			return type.getSimpleName();
		}
		return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
	}

	/**
	 * One public constructor or method.
	 *
	 * @param constructor whether it is a constructor
	 * @param name its name (the class's for a constructor)
	 * @param parameterTypes its parameters' types, by name, in order
	 * @param returnType its return type; empty for a constructor
	 */
	record Member(boolean constructor, String name, Map<String, String> parameterTypes, String returnType) {

		String signature() {
			return (this.constructor ? "new " : "") + this.name + "(" + String.join(", ", this.parameterTypes.keySet())
					+ ")";
		}

	}

}
