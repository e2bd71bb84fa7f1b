package dev.migrations.core.internal.lint;

import org.jspecify.annotations.Nullable;

/**
 * The statement forms the linter recognises, and the lock each takes on PostgreSQL: the
 * lock table. {@code LockTablePostgresTests} runs every {@link #example()} on a real
 * server in a rolled-back transaction and compares the strongest lock {@code pg_locks}
 * shows on {@link #exampleTable()} with {@link #lock()}, so the table cannot drift from
 * PostgreSQL. A form with no lock cannot run in a transaction block at all
 * ({@code CONCURRENTLY}, {@code VACUUM}); the test checks that PostgreSQL refuses it
 * there.
 * <p>
 * The examples run on the tables {@code t (id int PRIMARY KEY, a int, b text, p int)}
 * with index {@code t_a_idx (a)} and {@code NOT VALID} check {@code t_a_check},
 * {@code r (id int PRIMARY KEY)}, and {@code pt} partitioned by range with partition
 * {@code pt_1}.
 */
public enum StatementForm {

	CREATE_TABLE(LockMode.SHARE_ROW_EXCLUSIVE, "on a table it references, briefly",
			"CREATE TABLE s (id int, t_id int REFERENCES t (id))", "t"),

	CREATE_INDEX(LockMode.SHARE, "until the index is built and the transaction commits",
			"CREATE INDEX t_b_idx ON t (b)", "t"),

	CREATE_INDEX_CONCURRENTLY(null, "", "CREATE INDEX CONCURRENTLY t_b_idx ON t (b)", "t"),

	DROP_INDEX(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "DROP INDEX t_a_idx", "t"),

	DROP_INDEX_CONCURRENTLY(null, "", "DROP INDEX CONCURRENTLY t_a_idx", "t"),

	REINDEX(LockMode.SHARE, "until the index is rebuilt", "REINDEX INDEX t_a_idx", "t"),

	REINDEX_CONCURRENTLY(null, "", "REINDEX INDEX CONCURRENTLY t_a_idx", "t"),

	ADD_COLUMN(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "ALTER TABLE t ADD COLUMN c int", "t"),

	ADD_FOREIGN_KEY(LockMode.SHARE_ROW_EXCLUSIVE, "on both tables while every row is checked",
			"ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p) REFERENCES r (id)", "t"),

	ADD_CHECK(LockMode.ACCESS_EXCLUSIVE, "while every row is checked",
			"ALTER TABLE t ADD CONSTRAINT t_b_check CHECK (b <> '')", "t"),

	ADD_UNIQUE(LockMode.ACCESS_EXCLUSIVE, "while its index is built", "ALTER TABLE t ADD CONSTRAINT t_b_key UNIQUE (b)",
			"t"),

	VALIDATE_CONSTRAINT(LockMode.SHARE_UPDATE_EXCLUSIVE, "while every row is checked",
			"ALTER TABLE t VALIDATE CONSTRAINT t_a_check", "t"),

	SET_NOT_NULL(LockMode.ACCESS_EXCLUSIVE, "while every row is checked", "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
			"t"),

	ALTER_COLUMN_TYPE(LockMode.ACCESS_EXCLUSIVE, "while the table and its indexes are rewritten",
			"ALTER TABLE t ALTER COLUMN a TYPE bigint", "t"),

	RENAME_COLUMN(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "ALTER TABLE t RENAME COLUMN b TO c",
			"t"),

	RENAME_TABLE(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "ALTER TABLE t RENAME TO t2", "t"),

	DROP_COLUMN(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "ALTER TABLE t DROP COLUMN b", "t"),

	DROP_TABLE(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "DROP TABLE t", "t"),

	TRUNCATE(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "TRUNCATE t", "t"),

	LOCK_TABLE(LockMode.ACCESS_EXCLUSIVE, "until the transaction commits", "LOCK TABLE t", "t"),

	VACUUM_FULL(null, "", "VACUUM FULL t", "t"),

	CLUSTER(LockMode.ACCESS_EXCLUSIVE, "while the table is rewritten", "CLUSTER t USING t_pkey", "t"),

	DETACH_PARTITION(LockMode.ACCESS_EXCLUSIVE, "on the partitioned table until the transaction commits",
			"ALTER TABLE pt DETACH PARTITION pt_1", "pt"),

	DETACH_PARTITION_CONCURRENTLY(null, "", "ALTER TABLE pt DETACH PARTITION pt_1 CONCURRENTLY", "pt");

	private final @Nullable LockMode lock;

	private final String held;

	private final String example;

	private final String exampleTable;

	StatementForm(@Nullable LockMode lock, String held, String example, String exampleTable) {
		this.lock = lock;
		this.held = held;
		this.example = example;
		this.exampleTable = exampleTable;
	}

	/**
	 * The strongest lock it takes on its table in a transaction; {@code null} when it
	 * cannot run in a transaction block (it then takes {@code SHARE UPDATE EXCLUSIVE}, or
	 * for {@code VACUUM FULL} {@code ACCESS EXCLUSIVE}, in steps of its own).
	 */
	public @Nullable LockMode lock() {
		return this.lock;
	}

	/** For how long the lock is held, e.g. "until the index is built". */
	public String held() {
		return this.held;
	}

	/** A statement of this form on the lock test's tables. */
	public String example() {
		return this.example;
	}

	/** The table of the example whose lock is checked. */
	public String exampleTable() {
		return this.exampleTable;
	}

}
