package dev.migrations.core.internal.lint;

import java.util.List;

/**
 * PostgreSQL's table lock modes, weakest first, as {@code pg_locks.mode} names them, and
 * what each keeps the application from doing while it is held or waited for.
 */
public enum LockMode {

	ACCESS_SHARE("AccessShareLock", "nothing the application does"),

	ROW_SHARE("RowShareLock", "nothing the application does"),

	ROW_EXCLUSIVE("RowExclusiveLock", "nothing the application does"),

	SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "no reads or writes, only other schema changes"),

	SHARE("ShareLock", "writes"),

	SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "writes"),

	EXCLUSIVE("ExclusiveLock", "writes"),

	ACCESS_EXCLUSIVE("AccessExclusiveLock", "reads and writes");

	private final String pgName;

	private final String blocks;

	LockMode(String pgName, String blocks) {
		this.pgName = pgName;
		this.blocks = blocks;
	}

	/** The mode as {@code pg_locks.mode} shows it, e.g. {@code AccessExclusiveLock}. */
	public String pgName() {
		return this.pgName;
	}

	/**
	 * The mode as the documentation and {@code LOCK TABLE} name it, e.g.
	 * {@code ACCESS EXCLUSIVE}.
	 */
	public String label() {
		return name().replace('_', ' ');
	}

	/** What of the application's work waits for it: "reads and writes", "writes", ... */
	public String blocks() {
		return this.blocks;
	}

	/**
	 * Whether it conflicts with what the application takes to read or write a table
	 * ({@code ACCESS SHARE}, {@code ROW EXCLUSIVE}): then waiting for it queues the
	 * application's queries behind it.
	 */
	public boolean blocksTraffic() {
		return compareTo(SHARE) >= 0;
	}

	/** The modes held by other sessions that make a request of this mode wait. */
	public List<LockMode> conflicting() {
		return switch (this) {
			case ACCESS_SHARE -> List.of(ACCESS_EXCLUSIVE);
			case ROW_SHARE -> List.of(EXCLUSIVE, ACCESS_EXCLUSIVE);
			case ROW_EXCLUSIVE -> List.of(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
			case SHARE_UPDATE_EXCLUSIVE ->
				List.of(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
			case SHARE ->
				List.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
			case SHARE_ROW_EXCLUSIVE ->
				List.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
			case EXCLUSIVE -> List.of(ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
					EXCLUSIVE, ACCESS_EXCLUSIVE);
			case ACCESS_EXCLUSIVE -> List.of(values());
		};
	}

	/** The mode {@code pg_locks} calls {@code pgName}. */
	public static LockMode ofPgName(String pgName) {
		for (LockMode mode : values()) {
			if (mode.pgName.equals(pgName)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("Not a table lock mode: " + pgName);
	}

}
