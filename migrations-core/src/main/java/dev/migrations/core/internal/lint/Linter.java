package dev.migrations.core.internal.lint;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.LintFinding;
import dev.migrations.core.RevisionFileException;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.internal.source.RevisionScript;
import dev.migrations.core.internal.source.RevisionSet;
import dev.migrations.core.internal.source.SqlRevisionScript;
import dev.migrations.core.internal.source.SqlStatement;
import dev.migrations.core.internal.source.SqlStatementSplitter;

/**
 * Lints revisions of a {@link RevisionSet}: SQL revisions only (a Java revision's SQL is
 * not known before it runs). The facts {@code set-not-null-scan} needs from ancestors are
 * read once per revision and kept for the rest of the call.
 */
public final class Linter {

	private final RevisionSet revisions;

	private final Map<String, List<SqlStatement>> statements = new HashMap<>();

	private final Map<String, SqlRevisionScript> byId = new HashMap<>();

	private final Map<String, NotNullFacts> facts = new HashMap<>();

	public Linter(RevisionSet revisions) {
		this.revisions = revisions;
		for (RevisionScript script : revisions.scripts()) {
			if (script instanceof SqlRevisionScript sql) {
				this.byId.put(sql.id(), sql);
			}
		}
	}

	/** The findings of the revisions with these ids, in load order. */
	public List<LintFinding> lint(Collection<String> ids) {
		Set<String> wanted = new HashSet<>(ids);
		List<LintFinding> findings = new ArrayList<>();
		for (RevisionScript script : this.revisions.scripts()) {
			if (wanted.contains(script.id()) && script instanceof SqlRevisionScript sql) {
				// what a run checks before it applies the revision
				sql.checkStatements(null);
				findings.addAll(RevisionLinter.lint(sql.id(), sql.location(), sql.transactional(), statements(sql),
						ignored(sql), () -> ancestorsNotNull(sql.id())));
			}
		}
		return findings;
	}

	/**
	 * The findings of a revision not yet written (autogenerate's output), whose ancestors
	 * are its down revisions and dependencies in this set.
	 * @param id its id
	 * @param parents its down revisions and dependencies (ids in this set)
	 * @param source the file it will be written to
	 * @param text the file's whole text; lines are counted from its first line
	 */
	public List<LintFinding> lintNew(String id, List<String> parents, String source, String text) {
		List<SqlStatement> upgrade = new ArrayList<>();
		SqlStatementSplitter splitter = new SqlStatementSplitter(source, upgrade::add);
		boolean inUpgrade = false;
		String[] lines = text.split("\r\n|\r|\n", -1);
		try {
			for (int i = 0; i < lines.length; i++) {
				String line = lines[i].strip();
				if (line.equals("-- +upgrade")) {
					inUpgrade = true;
				}
				else if (line.equals("-- +downgrade")) {
					break;
				}
				else if (inUpgrade) {
					splitter.line(lines[i], i + 1);
				}
			}
			splitter.finish();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Collecting statements cannot fail", ex);
		}
		return RevisionLinter.lint(id, source, true, upgrade, Set.of(), () -> {
			Set<String> ancestors = new LinkedHashSet<>();
			for (String parent : parents) {
				ancestors.add(parent);
				ancestors.addAll(graph().ancestors(parent));
			}
			return notNullChecks(ancestors);
		});
	}

	private RevisionGraph graph() {
		return this.revisions.graph();
	}

	private Set<String> ancestorsNotNull(String id) {
		return notNullChecks(graph().ancestors(id));
	}

	/**
	 * Adds what revision {@code id} knows of {@code CHECK (c IS NOT NULL)} constraints
	 * (read once per revision and call): those it adds validated, those it adds
	 * {@code NOT VALID}, and those it validates by name, wherever they were added.
	 */
	private Set<String> notNullChecks(Collection<String> ids) {
		Set<String> validated = new HashSet<>();
		Map<String, String> pending = new HashMap<>();
		Set<String> validations = new HashSet<>();
		for (String id : ids) {
			NotNullFacts facts = this.facts.computeIfAbsent(id, this::readFacts);
			validated.addAll(facts.validated);
			pending.putAll(facts.pending);
			validations.addAll(facts.validations);
		}
		for (String validation : validations) {
			String key = pending.get(validation);
			if (key != null) {
				validated.add(key);
			}
		}
		return validated;
	}

	private NotNullFacts readFacts(String id) {
		NotNullFacts facts = new NotNullFacts();
		SqlRevisionScript script = this.byId.get(id);
		if (script != null) {
			RevisionLinter.notNullChecks(statements(script), facts.validated, facts.pending, facts.validations);
		}
		return facts;
	}

	/** What one revision knows of not-null checks. */
	private static final class NotNullFacts {

		final Set<String> validated = new HashSet<>();

		final Map<String, String> pending = new HashMap<>();

		final Set<String> validations = new HashSet<>();

	}

	private List<SqlStatement> statements(SqlRevisionScript script) {
		return this.statements.computeIfAbsent(script.id(), (id) -> script.upgradeStatements());
	}

	private static Set<String> ignored(SqlRevisionScript script) {
		for (String rule : script.lintIgnore()) {
			if (LintRule.of(rule) == null) {
				throw new RevisionFileException(script.location(), script.lintIgnoreLine(), "revision " + script.id()
						+ ": 'lint_ignore' names no lint rule '" + rule + "'; use one of " + LintRule.ids());
			}
		}
		return Set.copyOf(script.lintIgnore());
	}

}
