package dev.migrations.core;

import org.jspecify.annotations.Nullable;

/**
 * A SQL revision file that cannot be read, parsed or split. The message has the form
 * {@code <file>:<line>: <problem>}, e.g.
 * {@code classpath:db/revisions/002_x.sql:3: unknown header key 'down-revision'; did you mean 'down_revision'?}.
 */
public class RevisionFileException extends MigrationsException {

	private final String file;

	private final int line;

	private final String problem;

	public RevisionFileException(String file, int line, String problem) {
		this(file, line, problem, null);
	}

	public RevisionFileException(String file, int line, String problem, @Nullable Throwable cause) {
		super(file + ":" + line + ": " + problem, cause);
		this.file = file;
		this.line = line;
		this.problem = problem;
	}

	/** The file's location, e.g. {@code classpath:db/revisions/001_init.sql}. */
	public String file() {
		return this.file;
	}

	/** The 1-based line the problem is on. */
	public int line() {
		return this.line;
	}

	/** What is wrong and what to do, without the file and line. */
	public String problem() {
		return this.problem;
	}

}
