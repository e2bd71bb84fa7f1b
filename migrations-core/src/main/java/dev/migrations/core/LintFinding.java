package dev.migrations.core;

/**
 * A finding of the revision linter ({@link Migrator#lint(java.util.List)}): a statement
 * that takes a lock blocking the application on a busy PostgreSQL, or that breaks the
 * release still running during a rolling deploy, with the safe way to write it.
 *
 * @param revision the revision id
 * @param source the file the statement is in, e.g.
 * {@code filesystem:db/revisions/0042_add_index.sql}
 * @param line the 1-based line on which the statement starts
 * @param rule the rule's id, e.g. {@code create-index-not-concurrently}
 * @param severity whether it is an error (fails {@code migrations lint} and
 * {@code check}) or a warning
 * @param message what the statement does: the lock it takes, on what, and for how long
 * @param lock the lock as PostgreSQL names it ({@code ACCESS EXCLUSIVE}, {@code SHARE},
 * ...), or empty where the rule is about breaking old code, not a lock
 * @param safeAlternative how to make the change without the problem
 */
public record LintFinding(String revision, String source, int line, String rule, Severity severity, String message,
		String lock, String safeAlternative) {

	/**
	 * The finding as {@code migrations lint} prints it:
	 * {@code path:line: rule-id: message — safe alternative}; the path is the source
	 * without its {@code filesystem:} prefix.
	 */
	public String format() {
		String path = this.source.startsWith("filesystem:") ? this.source.substring("filesystem:".length())
				: this.source;
		return path + ":" + this.line + ": " + this.rule + ": " + this.message + " — " + this.safeAlternative;
	}

	/** Whether a finding fails {@code lint} and {@code check}. */
	public enum Severity {

		/** The statement can take the service down or fail on a live database. */
		ERROR,

		/**
		 * The statement is risky in ways that depend on the table and the release.
		 */
		WARNING

	}

}
