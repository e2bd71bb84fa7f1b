package dev.migrations.core;

/**
 * The migration lock was found lost during a run (its session ended: a proxy or the
 * server closed the lock's connection), before a revision that runs outside a
 * transaction. The run stopped before that revision; revisions before it stay applied.
 */
public class LockLostException extends MigrationsException {

	private final String revision;

	public LockLostException(String revision, String source, String reason) {
		super("The migration lock was lost before revision " + revision + " (" + source + "), which runs outside a "
				+ "transaction, was started: " + reason,
				"Another run may be migrating meanwhile, so nothing of " + revision
						+ " ran; revisions before it stay applied. Run again, and check what closes idle "
						+ "connections between this application and the database (a proxy or pooler, "
						+ "idle_session_timeout, pg_terminate_backend).",
				null);
		this.revision = revision;
	}

	/** The revision the run stopped before. */
	public String revision() {
		return this.revision;
	}

}
