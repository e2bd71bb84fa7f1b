package dev.migrations.core.internal.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.migrations.core.LintFinding;
import dev.migrations.core.internal.source.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Lints the upgrade statements of one revision. Tables and indexes the revision creates
 * before a statement are exempt (nothing uses them yet); {@code set-not-null-scan} is
 * decided from the revision and its ancestors (a validated {@code CHECK (c IS NOT NULL)}
 * makes it safe).
 */
public final class RevisionLinter {

	/**
	 * New column types that need no rewrite whatever the old type was among likely ones.
	 */
	private static final Set<String> SAFE_NEW_TYPES = Set.of("text", "varchar", "character varying");

	private RevisionLinter() {
	}

	/**
	 * The findings of one revision, in statement order, without those its
	 * {@code lint_ignore} silences.
	 * @param revision the revision id
	 * @param source its file
	 * @param transactional whether it runs in a transaction
	 * @param statements its upgrade statements
	 * @param ignored the rule ids its header silences
	 * @param ancestorsNotNull the columns ({@code table.column}) its ancestors gave a
	 * validated {@code CHECK (c IS NOT NULL)}; asked for only when needed
	 */
	public static List<LintFinding> lint(String revision, String source, boolean transactional,
			List<SqlStatement> statements, Set<String> ignored, Supplier<Set<String>> ancestorsNotNull) {
		Run run = new Run(revision, source, transactional, ignored, ancestorsNotNull);
		for (int i = 0; i < statements.size(); i++) {
			run.statement(statements.get(i), i, statements.size());
		}
		return run.findings;
	}

	/**
	 * The columns ({@code table.column}) that {@code statements} give a validated
	 * {@code CHECK (c IS NOT NULL)}: one added without {@code NOT VALID}, or validated by
	 * name; {@code pending} collects checks added {@code NOT VALID} (name to column) so
	 * that a later revision's {@code VALIDATE CONSTRAINT} counts.
	 */
	public static void notNullChecks(List<SqlStatement> statements, Set<String> validated, Map<String, String> pending,
			Set<String> validations) {
		for (SqlStatement statement : statements) {
			for (Action action : StatementRecognizer.recognise(statement.sql())) {
				notNullCheck(action, validated, pending);
				if (action.form() == StatementForm.VALIDATE_CONSTRAINT) {
					validations.add(action.table() + "." + action.name());
				}
			}
		}
	}

	private static void notNullCheck(Action action, Set<String> validated, Map<String, String> pending) {
		if (action.form() == StatementForm.ADD_CHECK && action.column() != null) {
			String key = action.table() + "." + action.column();
			if (!action.notValid()) {
				validated.add(key);
			}
			else if (action.name() != null) {
				pending.put(action.table() + "." + action.name(), key);
			}
		}
		else if (action.form() == StatementForm.VALIDATE_CONSTRAINT) {
			String key = pending.get(action.table() + "." + action.name());
			if (key != null) {
				validated.add(key);
			}
		}
	}

	private static final class Run {

		final String revision;

		final String source;

		final boolean transactional;

		final Set<String> ignored;

		final Supplier<Set<String>> ancestorsNotNull;

		final List<LintFinding> findings = new ArrayList<>();

		final Set<String> createdTables = new HashSet<>();

		final Set<String> createdIndexes = new HashSet<>();

		final Set<String> validatedNotNull = new HashSet<>();

		final Map<String, String> pendingNotNull = new HashMap<>();

		/** Constraints this revision added NOT VALID, by table.name. */
		final Set<String> addedNotValid = new HashSet<>();

		@Nullable Set<String> ancestors;

		boolean exclusiveReported;

		Run(String revision, String source, boolean transactional, Set<String> ignored,
				Supplier<Set<String>> ancestorsNotNull) {
			this.revision = revision;
			this.source = source;
			this.transactional = transactional;
			this.ignored = ignored;
			this.ancestorsNotNull = ancestorsNotNull;
		}

		void statement(SqlStatement statement, int index, int count) {
			int line = statement.line();
			for (Action action : StatementRecognizer.recognise(statement.sql())) {
				String table = action.table();
				boolean exempt = table != null && this.createdTables.contains(table);
				action(action, line, exempt);
				notNullCheck(action, this.validatedNotNull, this.pendingNotNull);
				if (this.transactional && !exempt && !this.exclusiveReported && index < count - 1
						&& action.form().lock() == LockMode.ACCESS_EXCLUSIVE && table != null
						&& action.form() != StatementForm.DROP_INDEX) {
					this.exclusiveReported = true;
					report(LintRule.EXCLUSIVE_LOCK_HELD_ACROSS_STATEMENTS, line,
							action.form().name().replace('_', ' ') + " takes an " + "ACCESS EXCLUSIVE lock on " + table
									+ ", blocking its reads and writes, and " + (count - 1 - index)
									+ " more statement(s) run before the transaction commits " + "and releases it",
							LockMode.ACCESS_EXCLUSIVE);
				}
			}
		}

		private void action(Action action, int line, boolean exempt) {
			String table = action.table();
			switch (action.form()) {
				case CREATE_TABLE -> this.createdTables.add(table);
				case CREATE_INDEX -> {
					if (action.name() != null) {
						this.createdIndexes.add(action.name());
					}
					if (!exempt) {
						report(LintRule.CREATE_INDEX_NOT_CONCURRENTLY, line,
								"CREATE " + ("unique".equals(action.detail()) ? "UNIQUE " : "") + "INDEX on " + table
										+ " takes a SHARE lock, blocking writes to it until the index is built",
								LockMode.SHARE);
					}
				}
				case CREATE_INDEX_CONCURRENTLY -> {
					if (action.name() != null) {
						this.createdIndexes.add(action.name());
					}
					concurrently(action, line, "CREATE INDEX CONCURRENTLY", "IF NOT EXISTS");
				}
				case DROP_INDEX -> {
					if (!this.createdIndexes.contains(action.name())) {
						report(LintRule.CREATE_INDEX_NOT_CONCURRENTLY, line,
								"DROP INDEX " + action.name() + " takes an ACCESS EXCLUSIVE lock on its table, "
										+ "blocking reads and writes until the transaction commits",
								LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case DROP_INDEX_CONCURRENTLY -> concurrently(action, line, "DROP INDEX CONCURRENTLY", "IF EXISTS");
				case REINDEX -> {
					if (!exempt && !this.createdIndexes.contains(action.name())) {
						report(LintRule.CREATE_INDEX_NOT_CONCURRENTLY, line, "REINDEX of " + action.name()
								+ " takes a SHARE lock on its table, blocking writes until the index is rebuilt",
								LockMode.SHARE);
					}
				}
				case REINDEX_CONCURRENTLY -> concurrently(action, line, "REINDEX ... CONCURRENTLY", null);
				case DETACH_PARTITION_CONCURRENTLY ->
					concurrently(action, line, "DETACH PARTITION ... CONCURRENTLY", null);
				case ADD_COLUMN -> {
					if (exempt) {
						return;
					}
					if (action.detail() != null) {
						report(LintRule.ADD_COLUMN_VOLATILE_DEFAULT, line,
								"adding column " + action.column() + " with a default computed per row ("
										+ action.detail() + ") rewrites " + table
										+ " under an ACCESS EXCLUSIVE lock, blocking reads and writes until it is done",
								LockMode.ACCESS_EXCLUSIVE);
					}
					else if (action.notNull() && !action.hasDefault()) {
						report(LintRule.ADD_REQUIRED_COLUMN, line, "adding column " + action.column()
								+ " NOT NULL without a default fails on a table with rows, and the running release's "
								+ "INSERTs into " + table + " fail once it exists", LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case ADD_FOREIGN_KEY -> {
					if (exempt) {
						return;
					}
					if (action.notValid()) {
						this.addedNotValid.add(table + "." + action.name());
					}
					else {
						report(LintRule.FOREIGN_KEY_NOT_VALID, line,
								"adding a foreign key on " + table + " to " + action.detail()
										+ " takes SHARE ROW EXCLUSIVE locks on both, blocking writes while every "
										+ "row of " + table + " is checked",
								LockMode.SHARE_ROW_EXCLUSIVE);
					}
				}
				case ADD_CHECK -> {
					if (exempt) {
						return;
					}
					if (action.notValid()) {
						this.addedNotValid.add(table + "." + action.name());
					}
					else {
						report(LintRule.CHECK_NOT_VALID, line,
								"adding a CHECK constraint to " + table + " takes an ACCESS EXCLUSIVE lock, "
										+ "blocking reads and writes while every row is checked",
								LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case ADD_UNIQUE -> {
					if (!exempt && !action.usingIndex()) {
						report(LintRule.UNIQUE_WITHOUT_INDEX, line,
								"adding a UNIQUE or PRIMARY KEY constraint to " + table + " builds its index under "
										+ "an ACCESS EXCLUSIVE lock, blocking reads and writes until it is built",
								LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case VALIDATE_CONSTRAINT -> {
					if (this.transactional && this.addedNotValid.contains(table + "." + action.name())) {
						report(LintRule.VALIDATE_IN_SAME_TRANSACTION, line, "constraint " + action.name()
								+ " is validated in the transaction that added it, so the lock taken to add it is "
								+ "held on " + table + " during the whole scan", LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case SET_NOT_NULL -> {
					if (exempt) {
						return;
					}
					String key = table + "." + action.column();
					if (!this.validatedNotNull.contains(key) && !ancestors().contains(key)) {
						report(LintRule.SET_NOT_NULL_SCAN, line, "SET NOT NULL on " + key
								+ " takes an ACCESS EXCLUSIVE lock, blocking reads and writes while every row is "
								+ "checked (no validated CHECK (" + action.column()
								+ " IS NOT NULL) exists in this revision or its ancestors)", LockMode.ACCESS_EXCLUSIVE);
					}
				}
				case ALTER_COLUMN_TYPE -> {
					if (exempt || safeNewType(action.detail())) {
						return;
					}
					report(LintRule.COLUMN_TYPE_REWRITE, line,
							"changing the type of " + table + "." + action.column() + " to " + action.detail()
									+ " rewrites the table and its indexes under an "
									+ "ACCESS EXCLUSIVE lock, blocking reads and writes until it is done",
							LockMode.ACCESS_EXCLUSIVE);
				}
				case RENAME_COLUMN, RENAME_TABLE -> {
					if (!exempt) {
						String renamed = (action.form() == StatementForm.RENAME_TABLE) ? "table " + table
								: "column " + table + "." + action.column();
						report(LintRule.RENAME_BREAKS_OLD_CODE, line, "renaming " + renamed + " to " + action.detail()
								+ " breaks the release still running during a rolling deploy, which uses the old "
								+ "name", null);
					}
				}
				case DROP_COLUMN, DROP_TABLE -> {
					if (!exempt) {
						String dropped = (action.form() == StatementForm.DROP_TABLE) ? "table " + table
								: "column " + table + "." + action.column();
						report(LintRule.DROP_BREAKS_OLD_CODE, line,
								"dropping " + dropped
										+ " breaks the release still running during a rolling deploy if it uses it",
								null);
					}
				}
				case TRUNCATE, LOCK_TABLE, CLUSTER, DETACH_PARTITION, VACUUM_FULL -> {
					if (!exempt) {
						String what = switch (action.form()) {
							case TRUNCATE -> "TRUNCATE";
							case LOCK_TABLE -> "LOCK TABLE";
							case CLUSTER -> "CLUSTER";
							case DETACH_PARTITION -> "DETACH PARTITION";
							default -> "VACUUM FULL";
						};
						String lock = (action.form() == StatementForm.LOCK_TABLE && action.detail() != null)
								? action.detail() : "ACCESS EXCLUSIVE";
						report(LintRule.ACCESS_EXCLUSIVE_MAINTENANCE, line, what
								+ ((table != null) ? " of " + table : "") + " takes an " + lock + " lock, "
								+ "blocking " + LockMode.valueOf(lock.replace(' ', '_')).blocks() + " "
								+ ((action.form() == StatementForm.VACUUM_FULL
										|| action.form() == StatementForm.CLUSTER) ? "while the table is rewritten"
												: "until the transaction commits"),
								LockMode.valueOf(lock.replace(' ', '_')));
					}
				}
				default -> {
				}
			}
		}

		private void concurrently(Action action, int line, String what, @Nullable String idempotent) {
			if (this.transactional) {
				report(LintRule.CONCURRENTLY_IN_TRANSACTION, line,
						what + " cannot run in the transaction the revision runs in; PostgreSQL refuses it",
						LockMode.SHARE_UPDATE_EXCLUSIVE);
			}
			else if (idempotent != null && !action.ifExists()
					&& !(action.table() != null && this.createdTables.contains(action.table()))) {
				report(LintRule.NON_TRANSACTIONAL_NOT_IDEMPOTENT, line, what + " without " + idempotent
						+ " fails when the revision runs again after a failure (the revision is not transactional, "
						+ "so what ran before the failure stays)", null);
			}
		}

		private Set<String> ancestors() {
			if (this.ancestors == null) {
				this.ancestors = this.ancestorsNotNull.get();
			}
			return this.ancestors;
		}

		private static String article(String lock) {
			return lock.startsWith("A") || lock.startsWith("E") ? "an " : "a ";
		}

		private static boolean safeNewType(@Nullable String type) {
			if (type == null) {
				return true;
			}
			String base = type.replaceAll("\\s*\\(.*", "").trim();
			return SAFE_NEW_TYPES.contains(base);
		}

		private void report(LintRule rule, int line, String message, @Nullable LockMode lock) {
			if (this.ignored.contains(rule.id())) {
				return;
			}
			this.findings.add(new LintFinding(this.revision, this.source, line, rule.id(), rule.severity(), message,
					(lock != null) ? lock.label() : "", rule.safeAlternative()));
		}

	}

}
