package dev.migrations.core.internal.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.internal.source.ExecutableRevision.JavaBody;
import dev.migrations.core.internal.source.ExecutableRevision.SqlBody;
import dev.migrations.core.internal.source.ExecutableRevision.StatementSource;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.source.ExecutableRevision;
import dev.migrations.core.internal.source.SqlStatement;

/**
 * Builds revisions and plans by hand for tests of the executor and renderer, which do not
 * need a graph or files.
 */
public final class TestRevisions {

	private final Map<String, ExecutableRevision> revisions = new LinkedHashMap<>();

	/** A transactional SQL revision; statements end with {@code ;} at a line's end. */
	public TestRevisions sql(String id, String parent, String upgrade, String downgrade) {
		return sql(id, parent, upgrade, downgrade, true);
	}

	public TestRevisions sql(String id, String parent, String upgrade, String downgrade, boolean transactional) {
		RevisionNode node = node(id, parent, true);
		this.revisions.put(id, new ExecutableRevision(node, "sum-" + id, transactional,
				new SqlBody(source(upgrade, 10), source(downgrade, 100))));
		return this;
	}

	public TestRevisions java(String id, String parent, JavaRevision revision) {
		this.revisions.put(id, new ExecutableRevision(node(id, parent, true), null, true, new JavaBody(revision)));
		return this;
	}

	private static RevisionNode node(String id, String parent, boolean reversible) {
		return new RevisionNode(id, parent.isEmpty() ? List.of() : List.of(parent.split(",")), List.of(), Set.of(),
				"message of " + id, "db/revisions/" + id + ".sql", reversible);
	}

	/**
	 * Statements of {@code text}, split at lines ending in {@code ;}, numbered from
	 * {@code firstLine}.
	 */
	public static StatementSource source(String text, int firstLine) {
		List<SqlStatement> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int start = -1;
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.isBlank() && current.length() == 0) {
				continue;
			}
			if (start < 0) {
				start = firstLine + i;
			}
			current.append(line).append('\n');
			if (line.strip().endsWith(";")) {
				String sql = current.toString().strip();
				statements.add(new SqlStatement(sql.substring(0, sql.length() - 1), start));
				current.setLength(0);
				start = -1;
			}
		}
		return (syntax, handler) -> {
			for (SqlStatement statement : statements) {
				handler.handle(statement);
			}
		};
	}

	public Map<String, ExecutableRevision> revisions() {
		return this.revisions;
	}

	public ExecutableRevision get(String id) {
		return this.revisions.get(id);
	}

	public Plan upgrade(String... ids) {
		return plan(Direction.UPGRADE, ids);
	}

	public Plan downgrade(String... ids) {
		return plan(Direction.DOWNGRADE, ids);
	}

	private Plan plan(Direction direction, String... ids) {
		List<Step> steps = new ArrayList<>();
		for (String id : ids) {
			steps.add(new Step(this.revisions.get(id).node(), direction));
		}
		return new Plan(direction, steps);
	}

}
