package dev.migrations.benchmarks.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.core.graph.RevisionNode;

/**
 * Generated revision lists of a given size, in load order.
 */
final class GraphShapes {

	private GraphShapes() {
	}

	/** One chain: {@code r0 <- r1 <- ... <- r(n-1)}. */
	static List<RevisionNode> linear(int size) {
		List<RevisionNode> nodes = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			nodes.add(node("r" + i, (i == 0) ? List.of() : List.of("r" + (i - 1)), List.of(), Set.of()));
		}
		return nodes;
	}

	/** One chain with a branch label on every 100th revision. */
	static List<RevisionNode> labelled(int size) {
		List<RevisionNode> nodes = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			nodes.add(node("r" + i, (i == 0) ? List.of() : List.of("r" + (i - 1)), List.of(),
					(i % 100 == 0) ? Set.of("label" + i) : Set.of()));
		}
		return nodes;
	}

	/**
	 * A trunk of diamonds (a branch point, two lines of four, a merge point) with, every
	 * fifth diamond, a labelled side branch of five that stays a head and depends on the
	 * previous side branch, and a second base every 50 diamonds: many branch points,
	 * merge points, heads, labels and cross-branch dependencies.
	 */
	static List<RevisionNode> branches(int size) {
		List<RevisionNode> nodes = new ArrayList<>(size);
		String trunk = "t0";
		nodes.add(node(trunk, List.of(), List.of(), Set.of()));
		String previousSide = null;
		for (int block = 0; nodes.size() < size; block++) {
			String left = trunk;
			String right = trunk;
			for (int i = 0; i < 4 && nodes.size() < size; i++) {
				String l = "b" + block + "l" + i;
				String r = "b" + block + "r" + i;
				nodes.add(node(l, List.of(left), List.of(), Set.of()));
				left = l;
				if (nodes.size() < size) {
					nodes.add(node(r, List.of(right), List.of(), Set.of()));
					right = r;
				}
			}
			if (nodes.size() >= size) {
				break;
			}
			String merge = "m" + block;
			nodes.add(node(merge, left.equals(right) ? List.of(left) : List.of(left, right), List.of(), Set.of()));
			trunk = merge;
			if (block % 5 == 0) {
				String side = merge;
				for (int i = 0; i < 5 && nodes.size() < size; i++) {
					String id = "s" + block + "x" + i;
					nodes.add(node(id, List.of(side),
							(i == 0 && previousSide != null) ? List.of(previousSide) : List.of(),
							(i == 0) ? Set.of("side" + block) : Set.of()));
					side = id;
				}
				previousSide = side;
			}
			if (block % 50 == 49 && nodes.size() < size) {
				String base = "base" + block;
				nodes.add(node(base, List.of(), List.of(), Set.of()));
				String next = "m" + block + "b";
				if (nodes.size() < size) {
					nodes.add(node(next, List.of(trunk, base), List.of(), Set.of()));
					trunk = next;
				}
			}
		}
		return nodes;
	}

	private static RevisionNode node(String id, List<String> down, List<String> dependsOn, Set<String> labels) {
		return new RevisionNode(id, down, dependsOn, labels, "revision " + id, id + ".sql", true);
	}

}
