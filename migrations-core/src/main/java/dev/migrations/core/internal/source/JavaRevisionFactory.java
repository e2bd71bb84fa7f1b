package dev.migrations.core.internal.source;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.JavaRevisionException;
import dev.migrations.core.Revision;
import dev.migrations.core.RevisionContext;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link JavaRevisionScript}s from classes found in locations (instantiated through
 * their no-argument constructor) and from registered instances.
 */
final class JavaRevisionFactory {

	private static final Logger logger = LoggerFactory.getLogger(JavaRevisionFactory.class);

	private JavaRevisionFactory() {
	}

	/**
	 * The class annotated with {@code @Revision}: the instance's class or, for a subclass
	 * such as a proxy, its nearest annotated superclass; {@code null} if none is.
	 */
	static @Nullable Class<?> annotatedClass(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.isAnnotationPresent(Revision.class)) {
				return candidate;
			}
		}
		return null;
	}

	/** A script for a registered instance. */
	static JavaRevisionScript of(JavaRevision revision) {
		Class<?> annotated = annotatedClass(revision.getClass());
		if (annotated == null) {
			throw new JavaRevisionException(revision.getClass().getName(),
					"is a JavaRevision without @Revision; annotate it with @Revision(id = \"...\", downRevision = ...)");
		}
		return script(annotated, revision);
	}

	/**
	 * A script for a class found in a location, or {@code null} if it is not annotated
	 * with {@code @Revision}.
	 * @param className the class name
	 * @param classLoader the class loader to load it with
	 * @param registered a registered instance of the class, used instead of a new one
	 */
	static @Nullable JavaRevisionScript load(String className, ClassLoader classLoader,
			@Nullable JavaRevision registered) {
		Class<?> type;
		try {
			type = Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new JavaRevisionException(className,
					"cannot be loaded from a revision location (" + ex + "); fix or remove the class", ex);
		}
		if (!type.isAnnotationPresent(Revision.class)) {
			if (JavaRevision.class.isAssignableFrom(type) && isConcrete(type) && registered == null) {
				logger.warn("{} implements JavaRevision but has no @Revision annotation; it is ignored", className);
			}
			return null;
		}
		if (!JavaRevision.class.isAssignableFrom(type)) {
			throw new JavaRevisionException(className, "is annotated with @Revision but does not implement "
					+ JavaRevision.class.getName() + "; implement it or remove the annotation");
		}
		return script(type, (registered != null) ? registered : instantiate(type));
	}

	private static JavaRevision instantiate(Class<?> type) {
		String name = type.getName();
		if (!isConcrete(type)) {
			throw new JavaRevisionException(name, "cannot be instantiated: it is abstract; make it a concrete class");
		}
		if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
			throw new JavaRevisionException(name,
					"cannot be instantiated: it is an inner class; make it a static nested class");
		}
		Constructor<?> constructor;
		try {
			constructor = type.getDeclaredConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new JavaRevisionException(name, "cannot be instantiated: it has no no-argument constructor; "
					+ "add one, or register an instance (e.g. a Spring bean) instead", ex);
		}
		try {
			constructor.setAccessible(true);
			return (JavaRevision) constructor.newInstance();
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			throw new JavaRevisionException(name,
					"cannot be instantiated: its constructor threw " + cause + "; fix the constructor", cause);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new JavaRevisionException(name, "cannot be instantiated: " + ex
					+ "; give it an accessible no-argument constructor, or register an instance instead", ex);
		}
	}

	private static JavaRevisionScript script(Class<?> annotated, JavaRevision revision) {
		String name = annotated.getName();
		Revision declared = annotated.getAnnotation(Revision.class);
		check(name, HeaderValues.checkId(declared.id(), "id"));
		List<String> downRevisions = Arrays.asList(declared.downRevision());
		List<String> dependsOn = Arrays.asList(declared.dependsOn());
		List<String> branchLabels = Arrays.asList(declared.branchLabels());
		check(name, HeaderValues.checkAll(downRevisions, "downRevision", HeaderValues.Kind.ID));
		check(name, HeaderValues.checkAll(dependsOn, "dependsOn", HeaderValues.Kind.REFERENCE));
		check(name, HeaderValues.checkAll(branchLabels, "branchLabels", HeaderValues.Kind.LABEL));
		RevisionNode node = new RevisionNode(declared.id(), downRevisions, dependsOn, new LinkedHashSet<>(branchLabels),
				declared.message(), name, overridesDowngrade(annotated));
		return new JavaRevisionScript(node, emptyToNull(declared.checksum()), declared.transactional(),
				emptyToNull(declared.createDate()), revision);
	}

	private static boolean overridesDowngrade(Class<?> type) {
		try {
			Method downgrade = type.getMethod("downgrade", RevisionContext.class);
			return downgrade.getDeclaringClass() != JavaRevision.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A JavaRevision always has downgrade(RevisionContext)", ex);
		}
	}

	private static void check(String className, @Nullable String problem) {
		if (problem != null) {
			throw new JavaRevisionException(className, "@Revision: " + problem);
		}
	}

	private static boolean isConcrete(Class<?> type) {
		return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
