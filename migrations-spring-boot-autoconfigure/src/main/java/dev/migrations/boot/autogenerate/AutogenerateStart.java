package dev.migrations.boot.autogenerate;

import java.util.List;
import java.util.Set;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import dev.migrations.core.NewRevision;
import dev.migrations.core.graph.RevisionGraph;
import org.jspecify.annotations.Nullable;

/**
 * The autogenerate run of an application, started before Hibernate's bootstrap (the
 * entity manager factory depends on this bean): the scratch databases are created, the
 * revisions upgraded to the head in one of them and its catalog read in the background
 * while Hibernate builds the model. {@link AutogenerateRunner} then hands the model over.
 * Closed with the context: it waits for the scratch databases to be dropped.
 */
public class AutogenerateStart implements AutoCloseable {

	private final Autogenerate.@Nullable Run run;

	private final @Nullable MigrationsException refused;

	/**
	 * Starts the run, unless the head to build on is not clear (several heads, a
	 * {@code migrations.autogenerate.head} naming several revisions): that is thrown by
	 * {@link #compare}, as {@code revision -m} would refuse it.
	 * @param migrator the application's migrator: its revisions and their settings
	 * @param settings what to generate
	 * @param scratchServer where the scratch databases are created
	 * @throws Autogenerate.DatabaseNotSupportedException when the application or the
	 * scratch server is on MariaDB or MySQL
	 */
	public AutogenerateStart(Migrator migrator, AutogenerateRunner.Settings settings, DatabaseUrl scratchServer) {
		RevisionGraph graph = migrator.graph();
		List<String> parents;
		try {
			parents = parents(graph, settings.head());
		}
		catch (MigrationsException ex) {
			this.run = null;
			this.refused = ex;
			return;
		}
		this.refused = null;
		this.run = Autogenerate.builder(migrator.configuration())
			.scratchServer(scratchServer)
			.parents(parents)
			.id(NewRevision.freshId((id) -> graph.find(id).isPresent()))
			.message(settings.message())
			.dropUnmappedTables(settings.dropUnmappedTables())
			.start();
	}

	/**
	 * Compares the model with the revisions, once the background work is done.
	 * @throws MigrationsException what the background work failed with, as it was thrown
	 */
	Autogenerate.Result compare(String model, String source) {
		if (this.refused != null) {
			throw this.refused;
		}
		if (this.run == null) {
			throw new IllegalStateException("Not started");
		}
		return this.run.compare(model, source);
	}

	/** Waits for the scratch databases to be dropped; never throws. */
	@Override
	public void close() {
		if (this.run != null) {
			this.run.close();
		}
	}

	private static List<String> parents(RevisionGraph graph, @Nullable String head) {
		if (head == null) {
			List<String> heads = graph.heads();
			if (heads.size() > 1) {
				throw new MigrationsException("Multiple heads are present (" + String.join(", ", heads)
						+ "); please specify the head revision on which the new revision should be based "
						+ "(migrations.autogenerate.head), or perform a merge ('migrations merge heads')");
			}
			return heads;
		}
		if (head.equals("base")) {
			return List.of();
		}
		List<String> resolved = graph.resolve(head, Set.of());
		if (resolved.size() != 1) {
			throw new MigrationsException("migrations.autogenerate.head=" + head + " names " + resolved.size()
					+ " revisions (" + String.join(", ", resolved) + "); name one");
		}
		return resolved;
	}

}
