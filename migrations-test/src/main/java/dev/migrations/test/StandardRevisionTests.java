package dev.migrations.test;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The standard checks of a revision set, as JUnit tests. Implement it on a
 * {@link MigrationsTest} class:
 *
 * <pre class="code">
 * &#64;MigrationsTest
 * class RevisionsTests implements StandardRevisionTests {
 * }
 * </pre>
 *
 * <ul>
 * <li>{@code singleHead}: the graph has one head (no database needed);</li>
 * <li>{@code upgradeFromBase}: an empty database upgrades to the heads;</li>
 * <li>{@code stairway}: one test per revision, named {@code <id> <file>}: from a database
 * holding exactly its ancestors, the revision goes up, down and up again, and the second
 * upgrade gives the schema the first gave;</li>
 * <li>{@code downgradeLeavesNoTrace}: one test per revision: the catalog after its
 * upgrade and downgrade equals the catalog before (tables, columns, defaults,
 * constraints, indexes, sequences, enum types and labels, views, functions, triggers,
 * comments; not the state tables or sequence values), failing with each difference
 * named;</li>
 * <li>{@code modelMatchesDatabase}: with a JPA model ({@link MigrationsTest#entities()}
 * or {@link MigrationsTest#model()}), autogenerate against the heads finds nothing; it
 * fails showing the revision autogenerate would write, and is reported as skipped without
 * a model.</li>
 * </ul>
 * The stairway and the no-trace check share one walk, so each revision costs two upgrades
 * and one downgrade. An irreversible revision, one at or below
 * {@link MigrationsTest#minimumDowngradeRevision()} and one in
 * {@link MigrationsTest#skipRevisions()} are reported as skipped with the reason.
 * <p>
 * Override {@link #beforeRevision(String, RevisionRunner)} to insert data before given
 * revisions during {@code upgradeFromBase} and the stairway, so that the revisions are
 * tested with rows in their tables (a {@code NOT NULL} column without a default, a
 * backfill).
 */
public interface StandardRevisionTests {

	/**
	 * Called before each revision is upgraded by {@code upgradeFromBase} and the
	 * stairway, with the database at that revision's ancestors: insert the data the
	 * revision should meet. Does nothing unless overridden.
	 * @param revision the id of the revision about to run
	 * @param runner the runner of that database ({@code insert}, {@code jdbc})
	 */
	default void beforeRevision(String revision, RevisionRunner runner) {
	}

	/** The revisions have exactly one head. */
	@Test
	default void singleHead(RevisionRunner runner) {
		Checks.singleHead(runner);
	}

	/** An empty database upgrades to the heads. */
	@Test
	default void upgradeFromBase(RevisionRunner runner) {
		Checks.upgradeFromBase(this, runner);
	}

	/** Each revision goes up, down and up again. */
	@TestFactory
	default Stream<DynamicTest> stairway(RevisionRunner runner) {
		return Checks.stairway(this, runner);
	}

	/** Each revision's downgrade leaves the catalog as it was before its upgrade. */
	@TestFactory
	default Stream<DynamicTest> downgradeLeavesNoTrace(RevisionRunner runner) {
		return Checks.downgradeLeavesNoTrace(this, runner);
	}

	/**
	 * Autogenerate, comparing the JPA model with the revisions upgraded to the heads,
	 * finds nothing to write.
	 */
	@Test
	default void modelMatchesDatabase(RevisionRunner runner) {
		Checks.modelMatchesDatabase(runner);
	}

}
