package dev.migrations.benchmarks.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated revisions every tool applies: revision {@code i} creates table
 * {@code t_i} with an index and inserts two rows.
 *
 * @param revisions the revisions in the order they apply
 */
record Workload(List<GeneratedRevision> revisions) {

	Workload {
		revisions = List.copyOf(revisions);
	}

	/** The workload of revisions {@code 1..count}, for PostgreSQL. */
	static Workload of(int count) {
		return of(count, false);
	}

	/**
	 * The workload of revisions {@code 1..count}, in SQL for MariaDB/MySQL when
	 * {@code mariaDb} (the same tables, indexes and rows).
	 */
	static Workload of(int count, boolean mariaDb) {
		if (count < 1) {
			throw new IllegalArgumentException("A workload needs at least one revision, not " + count);
		}
		List<GeneratedRevision> revisions = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			revisions.add(new GeneratedRevision(i, mariaDb));
		}
		return new Workload(revisions);
	}

	int size() {
		return this.revisions.size();
	}

	/** The same revisions without the last one. */
	Workload withoutLast() {
		return new Workload(this.revisions.subList(0, this.revisions.size() - 1));
	}

	/**
	 * One generated revision.
	 *
	 * @param index its position, from 1
	 * @param mariaDb whether its SQL is for MariaDB/MySQL
	 */
	record GeneratedRevision(int index, boolean mariaDb) {

		/** Multiplier making distinct 12-hex-digit ids (odd, so a bijection mod 2^48). */
		private static final long ID_MULTIPLIER = 0x9E3779B97F4BL;

		private static final long ID_MASK = (1L << 48) - 1;

		GeneratedRevision(int index) {
			this(index, false);
		}

		GeneratedRevision {
			if (index < 1) {
				throw new IllegalArgumentException("Revision index must be positive, not " + index);
			}
		}

		/** The table it creates, {@code t_i}. */
		String table() {
			return "t_" + this.index;
		}

		/** The upgrade SQL, three statements on three lines. */
		String upgradeSql() {
			String table = table();
			String columns = this.mariaDb
					? " (id bigint primary key, name varchar(100) not null, created_at timestamp(6) default current_timestamp(6));\n"
					: " (id bigint primary key, name text not null, created_at timestamptz default now());\n";
			return "CREATE TABLE " + table + columns + "CREATE INDEX " + table + "_name ON " + table + "(name);\n"
					+ "INSERT INTO " + table + " (id, name) VALUES (1,'a'),(2,'b');\n";
		}

		/** The downgrade SQL. */
		String downgradeSql() {
			return "DROP TABLE " + table() + ";\n";
		}

		/** A Migrations revision id: 12 lowercase hex digits, distinct per index. */
		String revisionId() {
			return String.format("%012x", (this.index * ID_MULTIPLIER) & ID_MASK);
		}

		/** The index zero-padded to five digits, so file names sort in order. */
		String paddedIndex() {
			return String.format("%05d", this.index);
		}

	}

}
