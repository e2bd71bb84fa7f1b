package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A picture of a revision graph as text: a Mermaid flowchart (which GitHub and many
 * Markdown viewers draw) or a Graphviz DOT digraph. Revisions go top down, oldest first
 * (the order an upgrade runs them), with their branch labels, their flags ({@code head},
 * {@code effective head}, {@code branchpoint}, {@code mergepoint}) and their message; an
 * arrow goes from each {@code down_revision} to its revision, a dashed one from each
 * {@code depends_on}. Given the applied revisions of a database, the current heads are
 * marked {@code current} and the revisions not applied {@code pending}.
 */
public final class GraphDiagram {

	private final RevisionIndex index;

	/** The revisions shown, oldest first. */
	private final int[] shown;

	private final @Nullable Set<Integer> applied;

	private final Set<Integer> current;

	private GraphDiagram(RevisionIndex index, int[] shown, @Nullable Set<Integer> applied, Set<Integer> current) {
		this.index = index;
		this.shown = shown;
		this.applied = applied;
		this.current = current;
	}

	/**
	 * The diagram of {@code graph}.
	 * @param range the revisions shown, as {@link RevisionGraph#history} takes them
	 * ({@code [start]:[end]}); {@code null} for all
	 * @param applied the revisions a database records as applied, to mark current heads
	 * and pending revisions; {@code null} to mark nothing
	 */
	public static GraphDiagram of(RevisionGraph graph, @Nullable String range, @Nullable Set<String> applied) {
		RevisionIndex index = graph.index();
		List<RevisionNode> newestFirst = graph.history(range, (applied != null) ? applied : Set.of());
		int[] shown = new int[newestFirst.size()];
		for (int i = 0; i < shown.length; i++) {
			shown[shown.length - 1 - i] = indexOf(index, newestFirst.get(i).id());
		}
		if (applied == null) {
			return new GraphDiagram(index, shown, null, Set.of());
		}
		Set<Integer> appliedIndexes = new HashSet<>();
		applied.forEach((id) -> appliedIndexes.add(indexOf(index, id)));
		Set<Integer> current = new HashSet<>();
		graph.currentHeads(applied).forEach((id) -> current.add(indexOf(index, id)));
		return new GraphDiagram(index, shown, Collections.unmodifiableSet(appliedIndexes),
				Collections.unmodifiableSet(current));
	}

	/** The diagram as a Mermaid flowchart. */
	public String mermaid() {
		StringBuilder text = new StringBuilder(64 * (this.shown.length + 1)).append("flowchart TD\n");
		Map<Integer, String> names = names();
		for (int revision : this.shown) {
			text.append("    ")
				.append(names.get(revision))
				.append("[\"")
				.append(mermaidText(title(revision)))
				.append("<br/>")
				.append(mermaidText(this.index.node(revision).message()))
				.append("\"]\n");
		}
		edges(names,
				(from, to, dependency) -> text.append("    ")
					.append(from)
					.append(dependency ? " -.-> " : " --> ")
					.append(to)
					.append('\n'));
		List<String> heads = new ArrayList<>();
		List<String> current = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (int revision : this.shown) {
			String name = names.get(revision);
			if (isHead(revision)) {
				heads.add(name);
			}
			if (this.current.contains(revision)) {
				current.add(name);
			}
			if (isPending(revision)) {
				pending.add(name);
			}
		}
		mermaidClass(text, "head", "stroke-width:3px", heads);
		mermaidClass(text, "current", "fill:#d4edda,stroke:#2e7d32,stroke-width:3px", current);
		mermaidClass(text, "pending", "fill:#f5f5f5,stroke-dasharray:5 5", pending);
		return text.toString();
	}

	/** The diagram as a Graphviz DOT digraph. */
	public String dot() {
		StringBuilder text = new StringBuilder(64 * (this.shown.length + 1)).append("digraph revisions {\n")
			.append("    rankdir=TB;\n")
			.append("    node [shape=box];\n");
		Map<Integer, String> names = names();
		for (int revision : this.shown) {
			text.append("    ")
				.append(names.get(revision))
				.append(" [label=\"")
				.append(dotText(title(revision)))
				.append("\\n")
				.append(dotText(this.index.node(revision).message()))
				.append('"');
			if (isHead(revision)) {
				text.append(", penwidth=3");
			}
			if (this.current.contains(revision)) {
				text.append(", style=filled, fillcolor=\"#d4edda\"");
			}
			else if (isPending(revision)) {
				text.append(", style=dashed");
			}
			text.append("];\n");
		}
		edges(names,
				(from, to, dependency) -> text.append("    ")
					.append(from)
					.append(" -> ")
					.append(to)
					.append(dependency ? " [style=dashed];\n" : ";\n"));
		return text.append("}\n").toString();
	}

	/**
	 * Node names {@code r0}, {@code r1}, ... in the order shown: safe in both formats.
	 */
	private Map<Integer, String> names() {
		Map<Integer, String> names = new HashMap<>(this.shown.length * 2);
		for (int i = 0; i < this.shown.length; i++) {
			names.put(this.shown[i], "r" + i);
		}
		return names;
	}

	/** The parent-to-revision edges between revisions shown, dependencies dashed. */
	private void edges(Map<Integer, String> names, EdgeSink sink) {
		for (int revision : this.shown) {
			String to = names.get(revision);
			int[] parents = this.index.parents(revision);
			for (int parent : this.index.allParents(revision)) {
				String from = names.get(parent);
				if (from != null) {
					sink.edge(from, to, !contains(parents, parent));
				}
			}
		}
	}

	/** The revision id, its declared branch labels and its flags. */
	private String title(int revision) {
		RevisionNode node = this.index.node(revision);
		StringBuilder title = new StringBuilder(node.id());
		if (!node.branchLabels().isEmpty()) {
			title.append(" (").append(String.join(", ", new TreeSet<>(node.branchLabels()))).append(')');
		}
		if (isHead(revision)) {
			title.append(" (head)");
		}
		else if (this.index.children(revision).length == 0) {
			title.append(" (effective head)");
		}
		if (this.index.isBranchPoint(revision)) {
			title.append(" (branchpoint)");
		}
		if (this.index.isMergePoint(revision)) {
			title.append(" (mergepoint)");
		}
		if (this.current.contains(revision)) {
			title.append(" (current)");
		}
		if (isPending(revision)) {
			title.append(" (pending)");
		}
		return title.toString();
	}

	/**
	 * Whether nothing follows the revision, through {@code down_revision} or
	 * {@code depends_on}; one only a dependency follows is an "effective head", as
	 * Alembic calls it.
	 */
	private boolean isHead(int revision) {
		return this.index.allChildren(revision).length == 0;
	}

	private boolean isPending(int revision) {
		return this.applied != null && !this.applied.contains(revision);
	}

	private static void mermaidClass(StringBuilder text, String name, String style, List<String> members) {
		if (!members.isEmpty()) {
			text.append("    classDef ").append(name).append(' ').append(style).append('\n');
			text.append("    class ").append(String.join(",", members)).append(' ').append(name).append('\n');
		}
	}

	/**
	 * Text inside a quoted Mermaid label: characters Mermaid or its HTML labels would
	 * read as syntax become entity codes.
	 */
	static String mermaidText(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"', '#', '<', '>', '`', '&', '\\' -> escaped.append('#').append((int) c).append(';');
				default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	/** Text inside a quoted DOT string. */
	static String dotText(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(Character.isISOControl(c) ? ' ' : c);
		}
		return escaped.toString();
	}

	private static int indexOf(RevisionIndex index, String id) {
		return Objects.requireNonNull(index.indexOf(id), id);
	}

	private static boolean contains(int[] values, int value) {
		for (int each : values) {
			if (each == value) {
				return true;
			}
		}
		return false;
	}

	/** Receives the edges of the diagram. */
	private interface EdgeSink {

		void edge(String from, String to, boolean dependency);

	}

}
