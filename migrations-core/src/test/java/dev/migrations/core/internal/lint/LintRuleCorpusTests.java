package dev.migrations.core.internal.lint;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.migrations.core.LintFinding;
import dev.migrations.core.internal.source.SqlStatement;
import dev.migrations.core.internal.source.SqlStatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus per rule: each rule fires on its unsafe form, is silent on the safe rewrite,
 * and is silent on the same unsafe statement against a table created earlier in the
 * revision.
 */
class LintRuleCorpusTests {

	static Stream<Arguments> corpus() {
		return Stream.of(
				// rule, transactional, unsafe, safe rewrite (transactional: false when
				// marked so), table created first
				entry("create-index-not-concurrently", "CREATE INDEX ix_users_email ON users (email)",
						"!CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)",
						"CREATE TABLE users (id int, email text)"),
				entry("create-index-not-concurrently", "CREATE UNIQUE INDEX ix_users_email ON public.users (email)",
						"!CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON public.users (email)",
						"CREATE TABLE users (id int, email text)"),
				entry("create-index-not-concurrently", "DROP INDEX ix_users_email",
						"!DROP INDEX CONCURRENTLY IF EXISTS ix_users_email",
						"CREATE TABLE users (id int, email text);\nCREATE INDEX ix_users_email ON users (email)"),
				entry("create-index-not-concurrently", "REINDEX TABLE users", "!REINDEX TABLE CONCURRENTLY users",
						"CREATE TABLE users (id int, email text)"),
				entry("concurrently-in-transaction", "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)",
						"!CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)", null),
				entry("concurrently-in-transaction", "DROP INDEX CONCURRENTLY IF EXISTS ix",
						"!DROP INDEX CONCURRENTLY IF EXISTS ix", null),
				entry("foreign-key-not-valid",
						"ALTER TABLE tasks ADD CONSTRAINT tasks_user_fk FOREIGN KEY (user_id) REFERENCES users (id)",
						"ALTER TABLE tasks ADD CONSTRAINT tasks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
						"CREATE TABLE tasks (id int, user_id int)"),
				entry("foreign-key-not-valid", "ALTER TABLE tasks ADD COLUMN owner_id int REFERENCES users (id)",
						"ALTER TABLE tasks ADD COLUMN owner_id int", "CREATE TABLE tasks (id int, user_id int)"),
				entry("check-not-valid", "ALTER TABLE tasks ADD CONSTRAINT tasks_title_check CHECK (length(title) > 0)",
						"ALTER TABLE tasks ADD CONSTRAINT tasks_title_check CHECK (length(title) > 0) NOT VALID",
						"CREATE TABLE tasks (id int, title text)"),
				entry("set-not-null-scan", "ALTER TABLE tasks ALTER COLUMN title SET NOT NULL",
						"ALTER TABLE tasks ADD CONSTRAINT tasks_title_nn CHECK (title IS NOT NULL) NOT VALID",
						"CREATE TABLE tasks (id int, title text)"),
				entry("unique-without-index", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)",
						"ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx",
						"CREATE TABLE users (id int, email text)"),
				entry("unique-without-index", "ALTER TABLE users ADD PRIMARY KEY (id)",
						"ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx",
						"CREATE TABLE users (id int, email text)"),
				entry("column-type-rewrite", "ALTER TABLE tasks ALTER COLUMN priority TYPE bigint",
						"ALTER TABLE tasks ADD COLUMN priority_big bigint",
						"CREATE TABLE tasks (id int, priority int)"),
				entry("column-type-rewrite", "ALTER TABLE tasks ALTER COLUMN priority SET DATA TYPE numeric(10, 2)",
						"ALTER TABLE tasks ALTER COLUMN title TYPE text", "CREATE TABLE tasks (id int, priority int)"),
				entry("add-column-volatile-default",
						"ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()",
						"ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()",
						"CREATE TABLE users (id int)"),
				entry("add-column-volatile-default", "ALTER TABLE users ADD COLUMN seq bigserial",
						"ALTER TABLE users ADD COLUMN settings jsonb DEFAULT '{}'::jsonb",
						"CREATE TABLE users (id int)"),
				entry("add-required-column", "ALTER TABLE users ADD COLUMN tier text NOT NULL",
						"ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free'",
						"CREATE TABLE users (id int)"),
				entry("exclusive-lock-held-across-statements",
						"ALTER TABLE users ADD COLUMN tier text;\nUPDATE users SET tier = 'free' WHERE id < 1000",
						"UPDATE accounts SET plan = 'free' WHERE id < 1000;\nALTER TABLE users ADD COLUMN tier text",
						"CREATE TABLE users (id int)"),
				entry("validate-in-same-transaction",
						"ALTER TABLE tasks ADD CONSTRAINT tasks_p CHECK (priority > 0) NOT VALID;\n"
								+ "ALTER TABLE tasks VALIDATE CONSTRAINT tasks_p",
						"ALTER TABLE tasks VALIDATE CONSTRAINT tasks_p", "CREATE TABLE tasks (id int, priority int)"),
				entry("rename-breaks-old-code", "ALTER TABLE users RENAME COLUMN name TO full_name",
						"ALTER TABLE users ADD COLUMN full_name text", "CREATE TABLE users (id int, name text)"),
				entry("rename-breaks-old-code", "ALTER TABLE users RENAME TO accounts",
						"CREATE VIEW accounts AS SELECT * FROM users", "CREATE TABLE users (id int, name text)"),
				entry("drop-breaks-old-code", "ALTER TABLE users DROP COLUMN legacy",
						"COMMENT ON COLUMN users.legacy IS 'unused since 2.3, dropped in a later release'",
						"CREATE TABLE users (id int, legacy text)"),
				entry("drop-breaks-old-code", "DROP TABLE IF EXISTS legacy_users",
						"COMMENT ON TABLE legacy_users IS 'unused since 2.3, dropped in a later release'",
						"CREATE TABLE legacy_users (id int)"),
				entry("non-transactional-not-idempotent", "!CREATE INDEX CONCURRENTLY ix ON users (email)",
						"!CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)",
						"CREATE TABLE users (id int, email text)"),
				entry("access-exclusive-maintenance", "TRUNCATE audit_log", "DELETE FROM audit_log WHERE id < 10000",
						"CREATE TABLE audit_log (id int)"),
				entry("access-exclusive-maintenance", "LOCK TABLE users IN ACCESS EXCLUSIVE MODE",
						"LOCK TABLE users IN ROW EXCLUSIVE MODE", "CREATE TABLE users (id int)"),
				entry("access-exclusive-maintenance", "!VACUUM (FULL, ANALYZE) users", "!VACUUM (ANALYZE) users",
						"CREATE TABLE users (id int)"),
				entry("access-exclusive-maintenance", "CLUSTER users USING users_pkey", "ANALYZE users",
						"CREATE TABLE users (id int PRIMARY KEY)"),
				entry("access-exclusive-maintenance", "ALTER TABLE events DETACH PARTITION events_2020",
						"!ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY",
						"CREATE TABLE events (id int) PARTITION BY RANGE (id)"));
	}

	private static Arguments entry(String rule, String unsafe, String safe, String createdFirst) {
		return Arguments.of(rule, unsafe, safe, createdFirst);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("corpus")
	void firesOnTheUnsafeFormOnly(String rule, String unsafe, String safe, String createdFirst) {
		assertThat(rules(unsafe)).as("findings of the unsafe form").contains(rule);
		assertThat(rules(safe)).as("findings of the safe rewrite").doesNotContain(rule);
		if (createdFirst != null) {
			String script = (unsafe.startsWith("!") ? "!" : "") + createdFirst + ";\n" + unsafe.replaceFirst("^!", "");
			assertThat(rules(script)).as("findings against a table created in the revision").doesNotContain(rule);
		}
	}

	@Test
	void setNotNullIsSafeAfterAValidatedCheckInTheRevisionOrItsAncestors() {
		String setNotNull = "ALTER TABLE tasks ALTER COLUMN title SET NOT NULL";
		assertThat(
				RevisionLinter.lint("r", "r.sql", true, statements(setNotNull), Set.of(), () -> Set.of("tasks.title")))
			.isEmpty();
		assertThat(
				RevisionLinter.lint("r", "r.sql", true, statements(setNotNull), Set.of(), () -> Set.of("tasks.other")))
			.extracting(LintFinding::rule)
			.containsExactly("set-not-null-scan");
		assertThat(rules("ALTER TABLE tasks ADD CONSTRAINT tasks_title_nn CHECK (title IS NOT NULL) NOT VALID;\n"
				+ "ALTER TABLE tasks VALIDATE CONSTRAINT tasks_title_nn;\n" + setNotNull))
			.doesNotContain("set-not-null-scan");
	}

	@Test
	void aFindingNamesFileLineRuleLockAndTheSafeRewrite() {
		List<LintFinding> findings = RevisionLinter.lint("0042", "filesystem:db/revisions/0042.sql", true,
				statements("SELECT 1;\n\nCREATE INDEX ix_users_email ON users (email);"), Set.of(), Set::of);
		assertThat(findings).hasSize(1);
		LintFinding finding = findings.get(0);
		assertThat(finding.line()).isEqualTo(3);
		assertThat(finding.severity()).isEqualTo(LintFinding.Severity.ERROR);
		assertThat(finding.lock()).isEqualTo("SHARE");
		assertThat(finding.format()).isEqualTo("db/revisions/0042.sql:3: create-index-not-concurrently: "
				+ "CREATE INDEX on users takes a SHARE lock, blocking writes to it until the index is built — use "
				+ "CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a revision marked "
				+ "'-- transactional: false'");
	}

	@Test
	void concurrentlyInATransactionFiresEvenOnATableCreatedInTheRevision() {
		// PostgreSQL refuses CONCURRENTLY in a transaction block whatever the table, so
		// this
		// rule is the one the exemption does not apply to.
		assertThat(rules("CREATE TABLE users (id int, email text);\n"
				+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON users (email)"))
			.containsExactly("concurrently-in-transaction");
	}

	@Test
	void lintIgnoreSilencesTheRulesItNames() {
		assertThat(RevisionLinter.lint("r", "r.sql", true, statements("ALTER TABLE users DROP COLUMN legacy"),
				Set.of("drop-breaks-old-code"), Set::of))
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
			"DO $$ BEGIN EXECUTE 'CREATE INDEX ix ON users (email)'; END $$",
			"INSERT INTO notes (body) VALUES ('ALTER TABLE users DROP COLUMN x')",
			"ALTER TABLE users SET (fillfactor = 70)", "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x'",
			"ALTER TABLE users ADD COLUMN", "ALTER TABLE", "CREATE INDEX ON", "CREATE TABLE IF NOT EXISTS",
			"ALTER TABLE users ADD CONSTRAINT x EXCLUDE USING gist (r WITH &&)", "COMMENT ON TABLE users IS 'x'",
			"CREATE VIEW v AS SELECT * FROM users", "GRANT SELECT ON users TO app", "LOCK TABLE users IN SHARE" })
	void isSilentOnWhatItDoesNotUnderstand(String sql) {
		assertThat(RevisionLinter.lint("r", "r.sql", true, List.of(new SqlStatement(sql, 1)), Set.of(), Set::of))
			.isEmpty();
	}

	/**
	 * The rule ids firing on a script; a leading {@code !} marks it non-transactional.
	 */
	private static List<String> rules(String script) {
		boolean transactional = !script.startsWith("!");
		return RevisionLinter
			.lint("r", "r.sql", transactional, statements(script.replaceFirst("^!", "")), Set.of(), Set::of)
			.stream()
			.map(LintFinding::rule)
			.toList();
	}

	static List<SqlStatement> statements(String script) {
		List<SqlStatement> statements = new ArrayList<>();
		try {
			SqlStatementSplitter.split(new StringReader(script), "r.sql", statements::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return statements;
	}

}
