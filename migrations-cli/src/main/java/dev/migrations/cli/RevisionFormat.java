package dev.migrations.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.core.Migrator;
import dev.migrations.core.RevisionInfo;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * How revisions are shown, as Alembic shows them: one-line forms
 * ({@code 1a2b -> 3f2a (prefs) (head), Add user preferences table}), the verbose
 * {@code Rev: / Parent: / Path:} entry, and the JSON object of {@code --json}.
 */
final class RevisionFormat {

	private static final String BASE = "<base>";

	private final RevisionGraph graph;

	private final Set<String> heads;

	private final Set<String> realHeads;

	private final Set<String> branchPoints;

	private final Set<String> mergePoints;

	private final Map<String, @Nullable String> createDates = new HashMap<>();

	private final @Nullable Set<String> current;

	/**
	 * @param migrator the revisions of the code
	 * @param current the revisions to mark {@code (current)}; {@code null} when the
	 * database's state is not shown
	 */
	RevisionFormat(Migrator migrator, @Nullable Collection<String> current) {
		this.graph = migrator.graph();
		this.heads = Set.copyOf(this.graph.heads());
		this.realHeads = Set.copyOf(this.graph.realHeads());
		this.branchPoints = Set.copyOf(this.graph.branchPoints());
		this.mergePoints = Set.copyOf(this.graph.mergePoints());
		for (RevisionInfo revision : migrator.revisions()) {
			this.createDates.put(revision.id(), revision.createDate());
		}
		this.current = (current != null) ? Set.copyOf(current) : null;
	}

	/** {@code history}: parents, id, branch labels, every indicator and the message. */
	String historyLine(RevisionNode node) {
		return parents(node) + " -> " + node.id() + labels(node) + headIndicators(node) + treeIndicators(node) + ", "
				+ node.message();
	}

	/** {@code current}: the id with its indicators. */
	String currentLine(RevisionNode node) {
		return node.id() + headIndicators(node) + treeIndicators(node);
	}

	/** {@code heads}: the id, its branch labels and whether it is a head. */
	String headLine(RevisionNode node) {
		return node.id() + labels(node) + headIndicators(node);
	}

	/**
	 * {@code branches}: the id, its branch labels and its indicators, and the message
	 * when asked.
	 */
	String branchLine(RevisionNode node, boolean message) {
		return node.id() + labels(node) + headIndicators(node) + treeIndicators(node)
				+ (message ? ", " + node.message() : "");
	}

	/**
	 * Alembic's verbose entry: {@code Rev:}, {@code Parent:} (or {@code Merges:}),
	 * dependencies, branches, {@code Path:} and the indented message block, ending with a
	 * blank line.
	 */
	String verbose(RevisionNode node) {
		StringBuilder entry = new StringBuilder("Rev: ").append(node.id());
		entry.append(flag(this.heads.contains(node.id()), "head"));
		entry.append(treeIndicators(node));
		entry.append(flag(isCurrent(node), "current")).append('\n');
		entry.append(this.mergePoints.contains(node.id()) ? "Merges: " : "Parent: ")
			.append(downRevisions(node))
			.append('\n');
		if (!node.dependsOn().isEmpty()) {
			entry.append("Also depends on: ").append(String.join(", ", node.dependsOn())).append('\n');
		}
		if (this.branchPoints.contains(node.id())) {
			entry.append("Branches into: ")
				.append(String.join(", ", children(node).stream().map(RevisionNode::id).toList()))
				.append('\n');
		}
		Set<String> labels = sortedLabels(node);
		if (!labels.isEmpty()) {
			entry.append("Branch names: ").append(String.join(", ", labels)).append('\n');
		}
		entry.append("Path: ").append(path(node)).append("\n\n");
		entry.append("    ").append(node.message()).append("\n\n");
		entry.append("    Revision ID: ").append(node.id()).append('\n');
		entry.append("    Revises: ").append(String.join(", ", node.downRevisions())).append('\n');
		String createDate = this.createDates.get(node.id());
		if (createDate != null) {
			entry.append("    Create Date: ").append(createDate).append('\n');
		}
		return entry.toString().replace(" \n", "\n");
	}

	/** The JSON object of a revision. */
	Map<String, Object> json(RevisionNode node) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", node.id());
		json.put("downRevisions", node.downRevisions());
		json.put("dependsOn", node.dependsOn());
		json.put("branchLabels", List.copyOf(sortedLabels(node)));
		json.put("message", node.message());
		json.put("source", node.source());
		json.put("createDate", this.createDates.get(node.id()));
		json.put("head", this.heads.contains(node.id()));
		json.put("branchpoint", this.branchPoints.contains(node.id()));
		json.put("mergepoint", this.mergePoints.contains(node.id()));
		if (this.current != null) {
			json.put("current", isCurrent(node));
		}
		return json;
	}

	/** Revisions whose {@code down_revision} names {@code node}, in load order. */
	List<RevisionNode> children(RevisionNode node) {
		List<RevisionNode> children = new ArrayList<>();
		for (RevisionNode each : this.graph.revisions()) {
			if (each.downRevisions().contains(node.id())) {
				children.add(each);
			}
		}
		return children;
	}

	/** Heads as a list, {@code base} when there are none. */
	static String heads(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

	private static String downRevisions(RevisionNode node) {
		return node.downRevisions().isEmpty() ? BASE : String.join(", ", node.downRevisions());
	}

	private static String parents(RevisionNode node) {
		String parents = downRevisions(node);
		return node.dependsOn().isEmpty() ? parents : parents + " (" + String.join(", ", node.dependsOn()) + ")";
	}

	private String labels(RevisionNode node) {
		Set<String> labels = sortedLabels(node);
		return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
	}

	private String headIndicators(RevisionNode node) {
		boolean head = this.heads.contains(node.id());
		boolean realHead = this.realHeads.contains(node.id());
		return flag(realHead, "head") + flag(head && !realHead, "effective head") + flag(isCurrent(node), "current");
	}

	private boolean isCurrent(RevisionNode node) {
		return this.current != null && this.current.contains(node.id());
	}

	private String treeIndicators(RevisionNode node) {
		return flag(this.branchPoints.contains(node.id()), "branchpoint")
				+ flag(this.mergePoints.contains(node.id()), "mergepoint");
	}

	private Set<String> sortedLabels(RevisionNode node) {
		return new TreeSet<>(this.graph.branchLabels(node.id()));
	}

	private static String flag(boolean set, String name) {
		return set ? " (" + name + ")" : "";
	}

	private static String path(RevisionNode node) {
		String filesystem = "filesystem:";
		return node.source().startsWith(filesystem) ? node.source().substring(filesystem.length()) : node.source();
	}

}
