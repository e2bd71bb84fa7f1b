package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/**
 * A Java revision class that cannot be used: not loadable, not instantiable, not a
 * {@link dev.migrations.core.JavaRevision}, or with an invalid
 * {@link dev.migrations.core.Revision @Revision}.
 */
public class JavaRevisionException extends MigrationsException {

	private final String className;

	public JavaRevisionException(String className, String problem) {
		this(className, problem, null);
	}

	public JavaRevisionException(String className, String problem, @Nullable Throwable cause) {
		super(className + ": " + problem, cause);
		this.className = className;
	}

	/** The fully qualified name of the class. */
	public String className() {
		return this.className;
	}

}
