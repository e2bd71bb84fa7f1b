package dev.migrations.core.internal.command;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.core.DatabaseType;
import dev.migrations.core.LintFinding;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.internal.lint.Linter;
import dev.migrations.core.internal.source.RevisionSet;

/**
 * Lints revisions: those named by identifiers, those given by id, and a revision not yet
 * written. Reads files only, never the database. The rules are PostgreSQL's, so revisions
 * written for MariaDB or MySQL (the configured database type) are not linted.
 */
public final class DbLint {

	private final boolean lintable;

	private final RevisionSet revisions;

	public DbLint(MigrationsConfiguration configuration, RevisionSet revisions) {
		DatabaseType type = configuration.databaseType();
		this.lintable = type != DatabaseType.MARIADB && type != DatabaseType.MYSQL;
		this.revisions = revisions;
	}

	/** The revisions the identifiers resolve to (every revision when empty). */
	public List<LintFinding> lint(List<String> identifiers) {
		if (!this.lintable) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		if (identifiers.isEmpty()) {
			this.revisions.scripts().forEach((script) -> ids.add(script.node().id()));
		}
		for (String identifier : identifiers) {
			ids.addAll(graph().resolve(identifier, Set.of()));
		}
		return new Linter(this.revisions).lint(ids);
	}

	/** The revisions of the given ids, e.g. those pending on a database. */
	public List<LintFinding> lintIds(Collection<String> ids) {
		return this.lintable ? new Linter(this.revisions).lint(ids) : List.of();
	}

	/**
	 * A revision not yet written; its down revisions and dependencies are its ancestors.
	 */
	public List<LintFinding> lint(NewRevision revision, String source) {
		if (!this.lintable) {
			return List.of();
		}
		List<String> parents = new ArrayList<>(revision.downRevisions());
		for (String dependency : revision.dependsOn()) {
			parents.addAll(graph().resolve(dependency, Set.of()));
		}
		parents.removeIf((parent) -> graph().find(parent).isEmpty());
		return new Linter(this.revisions).lintNew(revision.id(), parents, source,
				revision.text(LocalDateTime.of(2000, 1, 1, 0, 0)));
	}

	private RevisionGraph graph() {
		return this.revisions.graph();
	}

}
