package dev.migrations.core.internal.lint;

import java.util.Arrays;
import java.util.List;

import dev.migrations.core.LintFinding.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the linter, ranked roughly by how often they cause outages, with their
 * severity and the safe way to make the change.
 */
public enum LintRule {

	CREATE_INDEX_NOT_CONCURRENTLY("create-index-not-concurrently", Severity.ERROR,
			"use CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a revision marked "
					+ "'-- transactional: false'"),

	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
			"mark the revision '-- transactional: false' (PostgreSQL refuses CONCURRENTLY in a transaction block), "
					+ "best with this statement alone in it"),

	FOREIGN_KEY_NOT_VALID("foreign-key-not-valid", Severity.ERROR,
			"add it with ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then ALTER TABLE ... "
					+ "VALIDATE CONSTRAINT ... in a later revision"),

	CHECK_NOT_VALID("check-not-valid", Severity.ERROR,
			"add it with ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT ... in a later revision"),

	SET_NOT_NULL_SCAN("set-not-null-scan", Severity.ERROR,
			"first ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later "
					+ "revision, then SET NOT NULL (PostgreSQL 12+ then skips the scan) and drop the check"),

	UNIQUE_WITHOUT_INDEX("unique-without-index", Severity.ERROR,
			"CREATE UNIQUE INDEX CONCURRENTLY in a '-- transactional: false' revision, then ADD CONSTRAINT ... "
					+ "UNIQUE USING INDEX ... (or PRIMARY KEY USING INDEX ...)"),

	COLUMN_TYPE_REWRITE("column-type-rewrite", Severity.ERROR,
			"add a column of the new type, backfill it in batches, move the code to it, then drop the old column"),

	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.ERROR,
			"add the column without a default (or with a constant or now()), then backfill it in batches"),

	ADD_REQUIRED_COLUMN("add-required-column", Severity.ERROR,
			"add it with a DEFAULT, or nullable: backfill it, then make it NOT NULL through a validated CHECK"),

	ACCESS_EXCLUSIVE_MAINTENANCE("access-exclusive-maintenance", Severity.ERROR,
			"do not run it on a live table from a revision: delete in batches instead of TRUNCATE, use pg_repack "
					+ "instead of VACUUM FULL or CLUSTER, DETACH PARTITION ... CONCURRENTLY in a "
					+ "'-- transactional: false' revision, and no LOCK TABLE"),

	EXCLUSIVE_LOCK_HELD_ACROSS_STATEMENTS("exclusive-lock-held-across-statements", Severity.WARNING,
			"put the statement in a revision of its own (or last in its revision), so that the lock is released as "
					+ "soon as it ran"),

	VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.WARNING,
			"VALIDATE CONSTRAINT in a later revision, so that the lock of adding it is released before the scan"),

	RENAME_BREAKS_OLD_CODE("rename-breaks-old-code", Severity.WARNING,
			"add the new name beside the old one (a column both releases write, or a view), move the code to it, "
					+ "and drop the old name in a later release"),

	DROP_BREAKS_OLD_CODE("drop-breaks-old-code", Severity.WARNING,
			"first release code that no longer uses it, then drop it in a later revision"),

	NON_TRANSACTIONAL_NOT_IDEMPOTENT("non-transactional-not-idempotent", Severity.WARNING,
			"write IF NOT EXISTS (IF EXISTS for a drop), so that running the revision again after a failure works "
					+ "(drop an INVALID index a failed build left behind first)");

	private static final List<LintRule> ALL = Arrays.asList(values());

	private final String id;

	private final Severity severity;

	private final String safeAlternative;

	LintRule(String id, Severity severity, String safeAlternative) {
		this.id = id;
		this.severity = severity;
		this.safeAlternative = safeAlternative;
	}

	/** The id findings and {@code lint_ignore:} use, e.g. {@code set-not-null-scan}. */
	public String id() {
		return this.id;
	}

	public Severity severity() {
		return this.severity;
	}

	public String safeAlternative() {
		return this.safeAlternative;
	}

	/** The rule with this id, or {@code null}. */
	public static @Nullable LintRule of(String id) {
		for (LintRule rule : ALL) {
			if (rule.id.equals(id)) {
				return rule;
			}
		}
		return null;
	}

	/** Every rule id, comma-separated, for messages. */
	public static String ids() {
		return String.join(", ", ALL.stream().map(LintRule::id).toList());
	}

}
