package dev.migrations.core;

import java.time.Duration;

/** The migration lock was not free within the lock timeout. */
public class LockTimeoutException extends MigrationsException {

	private final Duration timeout;

	private final LockHolder holder;

	public LockTimeoutException(Duration timeout, LockHolder holder) {
		super("Gave up waiting for the migration lock after " + timeout + ": it is held by " + holder.describe(),
				(holder.pid() != null)
						? "Another instance is migrating; if that session hangs, end it "
								+ "(SELECT pg_terminate_backend(pid)) or raise lock-timeout."
						: "Another run is migrating; raise lock-timeout to wait longer.",
				null);
		this.timeout = timeout;
		this.holder = holder;
	}

	public Duration timeout() {
		return this.timeout;
	}

	/** Who held the lock when the run gave up. */
	public LockHolder holder() {
		return this.holder;
	}

}
