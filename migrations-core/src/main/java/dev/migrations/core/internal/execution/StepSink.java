package dev.migrations.core.internal.execution;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.core.graph.Step;
import dev.migrations.core.internal.source.ExecutableRevision;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@link StepLoop} sends the steps of a plan: executed on a connection
 * ({@link JdbcStepSink}) or printed as a script (the offline renderer). The loop decides
 * what runs in which transaction; a sink only carries it out.
 */
public interface StepSink {

	/** A step begins: online it is checked, logged and told to listeners. */
	void stepStarted(Step step, ExecutableRevision revision) throws SQLException;

	/**
	 * Records the revision as {@code RUNNING} with {@code statement}, committed on its
	 * own before the revision runs (its effects could outlive a failure).
	 */
	void mark(String statement) throws SQLException;

	/** Opens a transaction. */
	void begin() throws SQLException;

	/**
	 * Runs the revision's statements (or Java code) for the step's direction.
	 * @param inTransaction whether a transaction is open; else they run in autocommit
	 */
	void body(Step step, ExecutableRevision revision, boolean inTransaction) throws SQLException;

	/** When the current step started; {@code null} where no clock applies (scripts). */
	@Nullable Instant startedAt();

	/** How long the current step has run so far; zero where no clock applies. */
	Duration elapsed();

	/** Writes state rows in the open transaction. */
	void state(List<String> statements) throws SQLException;

	/** Commits the open transaction. */
	void commit() throws SQLException;

	/** The step is done (and, outside a whole-run transaction, committed). */
	void stepFinished(Step step, Duration duration);

}
