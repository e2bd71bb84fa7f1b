package dev.migrations.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Resolves identifiers ({@code head}, {@code heads}, {@code base}, ids, prefixes, labels,
 * {@code <label>@...}, relative steps) to revisions, against the graph and, where an
 * identifier is relative to the database, an applied set. The one place where the
 * identifier grammar meets the graph.
 */
final class RevisionResolver {

	private static final int NONE = -2;

	private final RevisionIndex index;

	RevisionResolver(RevisionIndex index) {
		this.index = index;
	}

	Identifier parse(String text) {
		return Identifier.parse(text, (name) -> this.index.indexOf(name) != null || this.index.labelled(name) != null);
	}

	/**
	 * Resolves to revisions; empty for base. Relative identifiers without a symbol walk
	 * from the current heads of {@code applied}.
	 */
	int[] resolve(String text, boolean[] applied) {
		Identifier identifier = parse(text);
		if (identifier.kind() == Identifier.Kind.NONE) {
			int target = (identifier.steps() > 0) ? upFromCurrent(identifier, applied)
					: downFromCurrent(identifier, applied, false).target();
			return (target != RevisionIndex.BASE) ? new int[] { target } : new int[0];
		}
		if (identifier.isRelative()) {
			int target = walkFromSymbol(identifier, applied);
			return (target != RevisionIndex.BASE) ? new int[] { target } : new int[0];
		}
		return switch (identifier.kind()) {
			case HEADS -> (identifier.branch() != null) ? branchHeads(identifier.branch(), identifier.text())
					: currentHeads(allApplied());
			case CURRENT -> currentHeads(applied);
			case BASE -> new int[0];
			default -> {
				int target = single(identifier, applied);
				yield (target != RevisionIndex.BASE) ? new int[] { target } : new int[0];
			}
		};
	}

	/**
	 * The start of a history range: as {@link #resolve}, but {@code <branch>@base} is the
	 * lowest revision of the branch.
	 */
	int[] historyStart(String text, boolean[] applied) {
		Identifier identifier = parse(text);
		if (identifier.kind() == Identifier.Kind.BASE && !identifier.isRelative() && identifier.branch() != null) {
			return new int[] { this.index.branchRoot(branch(identifier.branch(), text)) };
		}
		return resolve(text, applied);
	}

	/** The targets of an upgrade. */
	int[] upgradeTargets(String text, boolean[] applied) {
		Identifier identifier = parse(text);
		if (identifier.kind() == Identifier.Kind.NONE && identifier.steps() < 0) {
			throw new RelativeRevisionException(text, RelativeRevisionException.Reason.WRONG_DIRECTION, List.of(),
					"walks down, so it is no upgrade target; run downgrade " + text);
		}
		return resolve(text, applied);
	}

	/**
	 * The target of a downgrade, with the branch that limits what is taken down.
	 */
	DowngradeTarget downgradeTarget(String text, boolean[] applied) {
		Identifier identifier = parse(text);
		@Nullable String branch = identifier.branch();
		if (identifier.kind() == Identifier.Kind.NONE) {
			if (identifier.steps() > 0) {
				throw new RelativeRevisionException(text, RelativeRevisionException.Reason.WRONG_DIRECTION, List.of(),
						"walks up, so it is no downgrade target; run upgrade " + text);
			}
			return downFromCurrent(identifier, applied, true);
		}
		int scope = (branch != null) ? branch(branch, text) : NONE;
		if (identifier.isRelative()) {
			return new DowngradeTarget(text, walkFromSymbol(identifier, applied), scope, false);
		}
		if (identifier.kind() == Identifier.Kind.BASE) {
			return new DowngradeTarget(text, RevisionIndex.BASE, scope, false);
		}
		return new DowngradeTarget(text, single(identifier, applied), scope, false);
	}

	/** Applied revisions that no applied revision descends from, in load order. */
	int[] currentHeads(boolean[] applied) {
		int[] heads = new int[this.index.size()];
		int count = 0;
		for (int i = 0; i < applied.length; i++) {
			if (applied[i] && !anyMarked(this.index.allChildren(i), applied)) {
				heads[count++] = i;
			}
		}
		return Arrays.copyOf(heads, count);
	}

	/** Revision id, branch label or unique prefix of at least 4 characters. */
	int name(String name, String argument) {
		Integer found = this.index.indexOf(name);
		if (found == null) {
			found = this.index.labelled(name);
		}
		if (found == null) {
			found = byPrefix(name, argument);
		}
		if (found == null) {
			throw RevisionNotFoundException.unknown(argument, name);
		}
		return found;
	}

	/**
	 * The revision standing for the branch: the label's declaring revision, or a
	 * revision.
	 */
	int branch(String branch, String argument) {
		Integer found = this.index.labelled(branch);
		if (found == null) {
			found = this.index.indexOf(branch);
		}
		if (found == null) {
			found = byPrefix(branch, argument);
		}
		if (found == null) {
			throw RevisionNotFoundException.unknownBranch(argument, branch);
		}
		return found;
	}

	private @Nullable Integer byPrefix(String prefix, String argument) {
		if (prefix.length() < RevisionIds.MIN_PREFIX) {
			return null;
		}
		Collection<Integer> matches = this.index.withPrefix(prefix);
		if (matches.size() > 1) {
			List<String> candidates = new ArrayList<>();
			matches.stream().sorted().forEach((match) -> candidates.add(this.index.id(match)));
			throw RevisionNotFoundException.ambiguous(argument, candidates);
		}
		return matches.isEmpty() ? null : matches.iterator().next();
	}

	/** Heads through {@code down_revision} sharing lineage with the branch. */
	int[] branchHeads(String branch, String argument) {
		boolean[] lineage = this.index.lineage(branch(branch, argument));
		return filter(this.index.heads(), lineage);
	}

	/** An absolute identifier that must name one revision (or base). */
	private int single(Identifier identifier, boolean[] applied) {
		@Nullable String branch = identifier.branch();
		String argument = identifier.symbolText();
		return switch (identifier.kind()) {
			case BASE -> RevisionIndex.BASE;
			case HEAD, HEADS -> {
				int[] heads = (branch != null) ? branchHeads(branch, identifier.text()) : this.index.heads();
				yield one(heads, argument);
			}
			case CURRENT -> one(currentHeads(applied), argument);
			case NAME -> {
				int found = name(Objects.requireNonNull(identifier.name()), identifier.text());
				if (branch != null && !this.index.lineage(branch(branch, identifier.text()))[found]) {
					throw RevisionNotFoundException.notOnBranch(identifier.text(), this.index.id(found), branch);
				}
				yield found;
			}
			case NONE -> throw new IllegalStateException("relative identifier " + identifier.text());
		};
	}

	private int one(int[] revisions, String argument) {
		if (revisions.length > 1) {
			throw new MultipleHeadsException(argument, this.index.ids(revisions));
		}
		return (revisions.length == 1) ? revisions[0] : RevisionIndex.BASE;
	}

	/** {@code <symbol>+N}, {@code <symbol>-N}, {@code <label>@<symbol>+N} ... */
	private int walkFromSymbol(Identifier identifier, boolean[] applied) {
		int start = single(identifier, applied);
		if (identifier.steps() < 0) {
			return walkDown(start, -identifier.steps(), identifier.text());
		}
		boolean @Nullable [] lineage = (identifier.branch() != null)
				? this.index.lineage(branch(identifier.branch(), identifier.text())) : null;
		return walkUp(start, identifier.steps(), lineage, identifier.text());
	}

	/** {@code +N}, {@code <label>@+N}: up from the one current head on the branch. */
	private int upFromCurrent(Identifier identifier, boolean[] applied) {
		int[] heads = currentHeads(applied);
		boolean @Nullable [] lineage = null;
		int[] starts = heads;
		if (identifier.branch() != null) {
			lineage = this.index.lineage(branch(identifier.branch(), identifier.text()));
			starts = filter(heads, lineage);
			if (starts.length == 0) {
				starts = tipsOnBranch(applied, lineage);
			}
		}
		if (starts.length > 1) {
			throw ambiguousStart(identifier, starts);
		}
		int start = (starts.length == 1) ? starts[0] : RevisionIndex.BASE;
		return walkUp(start, identifier.steps(), lineage, identifier.text());
	}

	/**
	 * {@code -N}, {@code <label>@-N}: down from the one current head on the branch. With
	 * {@code takeDown}, the target is the lowest of the N revisions a downgrade takes
	 * down, so that a merge point may be the one taken down (its parents stay) while
	 * walking through one stays ambiguous; without, it is the revision N below the head.
	 */
	private DowngradeTarget downFromCurrent(Identifier identifier, boolean[] applied, boolean takeDown) {
		int[] heads = currentHeads(applied);
		int[] starts = heads;
		int scope = NONE;
		if (identifier.branch() != null) {
			scope = branch(identifier.branch(), identifier.text());
			boolean[] lineage = this.index.lineage(scope);
			starts = filter(heads, lineage);
			if (starts.length == 0) {
				starts = tipsOnBranch(applied, lineage);
			}
		}
		if (starts.length == 0) {
			throw new RelativeRevisionException(identifier.text(), RelativeRevisionException.Reason.OVERSHOOT,
					List.of(),
					"didn't produce " + -identifier.steps() + " migrations: no revision "
							+ ((identifier.branch() != null) ? "of branch '" + identifier.branch() + "' " : "")
							+ "is applied; there is nothing to downgrade");
		}
		if (starts.length > 1) {
			throw ambiguousStart(identifier, starts);
		}
		if (scope == NONE) {
			scope = starts[0];
		}
		int steps = -identifier.steps();
		if (!takeDown) {
			return new DowngradeTarget(identifier.text(), walkDown(starts[0], steps, identifier.text()), scope, false);
		}
		int lowestTakenDown = walkDown(starts[0], steps - 1, steps, identifier.text());
		if (lowestTakenDown == RevisionIndex.BASE) {
			throw overshoot(identifier.text(), steps, steps - 1, starts[0], "below");
		}
		return new DowngradeTarget(identifier.text(), lowestTakenDown, scope, true);
	}

	/** Applied revisions on the branch with no applied child on it. */
	private int[] tipsOnBranch(boolean[] applied, boolean[] lineage) {
		boolean[] onBranch = new boolean[applied.length];
		for (int i = 0; i < applied.length; i++) {
			onBranch[i] = applied[i] && lineage[i];
		}
		return currentHeads(onBranch);
	}

	private RelativeRevisionException ambiguousStart(Identifier identifier, int[] starts) {
		String steps = ((identifier.steps() > 0) ? "+" : "") + identifier.steps();
		return new RelativeRevisionException(identifier.text(), RelativeRevisionException.Reason.AMBIGUOUS_START,
				this.index.ids(starts),
				"is ambiguous from multiple current revisions (" + String.join(", ", this.index.ids(starts))
						+ "); qualify it with a branch, e.g. '<branchname>@" + steps + "', or start from a revision,"
						+ " e.g. '" + this.index.id(starts[0]) + steps + "'");
	}

	int walkUp(int start, int steps, boolean @Nullable [] lineage, String argument) {
		int current = start;
		for (int made = 0; made < steps; made++) {
			int[] next = (current == RevisionIndex.BASE) ? this.index.bases() : this.index.children(current);
			if (lineage != null) {
				next = filter(next, lineage);
			}
			if (next.length == 0) {
				throw overshoot(argument, steps, made, start, "above");
			}
			if (next.length > 1) {
				throw new RelativeRevisionException(argument, RelativeRevisionException.Reason.FORK,
						this.index.ids(next),
						"walks into a fork at " + ((current == RevisionIndex.BASE) ? "base" : this.index.id(current))
								+ ": " + String.join(", ", this.index.ids(next))
								+ " follow it; qualify it with a branch, e.g. '<branchname>@" + argument
								+ "', or name a revision");
			}
			current = next[0];
		}
		return current;
	}

	int walkDown(int start, int steps, String argument) {
		return walkDown(start, steps, steps, argument);
	}

	/** Walks {@code steps} down; an overshoot reports {@code requested} steps. */
	private int walkDown(int start, int steps, int requested, String argument) {
		int current = start;
		for (int made = 0; made < steps; made++) {
			if (current == RevisionIndex.BASE) {
				throw overshoot(argument, requested, made, start, "below");
			}
			int[] parents = this.index.parents(current);
			if (parents.length > 1) {
				throw new RelativeRevisionException(argument, RelativeRevisionException.Reason.FORK,
						this.index.ids(parents), "walks into the merge point " + this.index.id(current) + " of "
								+ String.join(", ", this.index.ids(parents)) + "; name a revision instead");
			}
			current = (parents.length == 1) ? parents[0] : RevisionIndex.BASE;
		}
		return current;
	}

	private RelativeRevisionException overshoot(String argument, int steps, int made, int start, String direction) {
		String from = (start == RevisionIndex.BASE) ? "base" : this.index.id(start);
		return new RelativeRevisionException(argument, RelativeRevisionException.Reason.OVERSHOOT,
				(start == RevisionIndex.BASE) ? List.of() : List.of(from), "didn't produce " + steps
						+ " migrations: only " + made + " lie " + direction + " " + from + "; give a smaller number");
	}

	private static int[] filter(int[] revisions, boolean[] marks) {
		int[] kept = new int[revisions.length];
		int count = 0;
		for (int revision : revisions) {
			if (marks[revision]) {
				kept[count++] = revision;
			}
		}
		return Arrays.copyOf(kept, count);
	}

	private static boolean anyMarked(int[] revisions, boolean[] marks) {
		for (int revision : revisions) {
			if (marks[revision]) {
				return true;
			}
		}
		return false;
	}

	private boolean[] allApplied() {
		boolean[] all = new boolean[this.index.size()];
		Arrays.fill(all, true);
		return all;
	}

	/**
	 * Where a downgrade goes.
	 *
	 * @param argument the identifier as given
	 * @param target the revision to keep, or {@link RevisionIndex#BASE}
	 * @param scope the revision whose branch limits the downgrade, or none (negative)
	 * @param takenDown whether the target itself goes too: a relative {@code -N} names
	 * the lowest revision it takes down
	 */
	record DowngradeTarget(String argument, int target, int scope, boolean takenDown) {

		boolean scoped() {
			return this.scope >= 0;
		}

	}

}
