package dev.migrations.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link JavaRevision}: the same fields as a SQL revision file's header.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	/** The revision id. */
	String id();

	/** Parent revision ids; none for a base, several for a merge point. */
	String[] downRevision() default {};

	/** Revision ids or branch labels this revision depends on. */
	String[] dependsOn() default {};

	String[] branchLabels() default {};

	String message() default "";

	/** {@code yyyy-MM-dd HH:mm:ss}, informational. */
	String createDate() default "";

	/** Whether it runs in a transaction. */
	boolean transactional() default true;

	/** A checksum to detect edits of an applied revision; empty for none. */
	String checksum() default "";

}
