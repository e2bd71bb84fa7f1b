package dev.migrations.core.internal.autogenerate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One autogenerate run: the scratch databases made, the model loaded into M, the
 * revisions upgraded to the parents in H, both catalogs read and compared, the difference
 * written as an upgrade and a downgrade, and the round trip checked in H (the upgrade
 * must give M's catalog, the downgrade H's again), then the scratch databases dropped.
 */
public final class AutogenerateRun {

	private static final Logger logger = LoggerFactory.getLogger(AutogenerateRun.class);

	private final MigrationsConfiguration configuration;

	private final String model;

	private final String modelSource;

	private final DatabaseUrl server;

	private final boolean dropUnmappedTables;

	public AutogenerateRun(MigrationsConfiguration configuration, String model, String modelSource, DatabaseUrl server,
			boolean dropUnmappedTables) {
		this.configuration = configuration;
		this.model = model;
		this.modelSource = modelSource;
		this.server = server;
		this.dropUnmappedTables = dropUnmappedTables;
	}

	/**
	 * Runs it, the revisions upgraded to {@code parents} (none: the schema of an empty
	 * database).
	 */
	public Outcome run(List<String> parents) {
		PhaseTimes times = new PhaseTimes();
		Outcome outcome;
		try (ScratchDatabases scratch = ScratchDatabases.create(this.server)) {
			times.mark(PhaseTimes.CREATE);
			outcome = compare(scratch, parents, times);
			times.mark(PhaseTimes.PLAN);
		}
		times.mark(PhaseTimes.DROP);
		if (logger.isDebugEnabled()) {
			logger.debug("Autogenerate took {}", times.describe());
		}
		return outcome.withTimes(times);
	}

	private Outcome compare(ScratchDatabases scratch, List<String> parents, PhaseTimes times) {
		logger.info("Comparing {} with the revisions in the scratch databases {}", this.modelSource,
				scratch.describe());
		ScriptRunner.run(scratch.model(), this.model, this.modelSource);
		times.mark(PhaseTimes.MODEL);
		Migrator heads = Migrator.create(this.configuration.toBuilder()
			.dataSource(scratch.heads())
			.migrationDataSource(null)
			.listeners(List.of())
			.build());
		Set<String> ids = heads.graph().revisions().stream().map(RevisionNode::id).collect(Collectors.toSet());
		for (String parent : parents) {
			heads.upgrade(parent);
		}
		times.mark(PhaseTimes.UPGRADE);
		Set<String> stateTables = Set.of(this.configuration.versionTable(), this.configuration.historyTable());
		SchemaComparison comparison = new SchemaComparison(this.configuration.schema(), stateTables,
				this.dropUnmappedTables);
		Catalog before = comparison.catalog(scratch.heads());
		Catalog after = comparison.catalog(scratch.model());
		times.mark(PhaseTimes.CATALOGS);
		SchemaChanges changes = comparison.compare(before, after);
		if (changes.isEmpty()) {
			return new Outcome("", "", changes.kept(), changes.unmappedTables(), null, ids, null);
		}
		String upgrade = changes.upgrade();
		String downgrade = changes.downgrade();
		times.mark(PhaseTimes.PLAN);
		String failure = roundTrip(comparison, scratch.heads(), before, after, upgrade, downgrade, times);
		if (failure != null) {
			upgrade = "-- WARNING: round trip failed: " + failure.replace('\n', ' ') + "\n" + upgrade;
		}
		return new Outcome(upgrade, downgrade, changes.kept(), changes.unmappedTables(), failure, ids, null);
	}

	/**
	 * Upgrades H with the new revision, compares it with M, downgrades it and compares it
	 * with H's catalog before.
	 * @return what went wrong, or {@code null}
	 */
	private static @Nullable String roundTrip(SchemaComparison comparison, DataSource heads, Catalog before,
			Catalog model, String upgrade, String downgrade, PhaseTimes times) {
		try {
			ScriptRunner.run(heads, upgrade, "the generated upgrade");
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		times.mark(PhaseTimes.ROUND_TRIP);
		Catalog upgraded = comparison.catalog(heads);
		times.mark(PhaseTimes.CATALOGS);
		SchemaChanges left = comparison.compare(upgraded, model);
		times.mark(PhaseTimes.PLAN);
		if (!left.isEmpty()) {
			return "after the upgrade the schema still differs from the model: " + left.summary();
		}
		try {
			ScriptRunner.run(heads, downgrade, "the generated downgrade");
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		times.mark(PhaseTimes.ROUND_TRIP);
		Catalog downgraded = comparison.catalog(heads);
		times.mark(PhaseTimes.CATALOGS);
		String difference = SchemaComparison.difference(before, downgraded);
		if (difference != null) {
			return "after the downgrade the schema differs from the revisions' schema: " + difference;
		}
		return null;
	}

	/**
	 * What a run found.
	 *
	 * @param upgrade the upgrade section, empty when nothing differs
	 * @param downgrade the downgrade section
	 * @param kept objects the model cannot express, kept
	 * @param unmappedTables tables the model does not map
	 * @param roundTripFailure why the round trip failed, or {@code null}
	 * @param revisionIds the ids of the revisions, taken
	 * @param times where the run spent its time, phase by phase
	 */
	public record Outcome(String upgrade, String downgrade, List<String> kept, List<String> unmappedTables,
			@Nullable String roundTripFailure, Set<String> revisionIds, @Nullable PhaseTimes times) {

		Outcome withTimes(PhaseTimes times) {
			return new Outcome(this.upgrade, this.downgrade, this.kept, this.unmappedTables, this.roundTripFailure,
					this.revisionIds, times);
		}

	}

}
