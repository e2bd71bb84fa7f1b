package dev.migrations.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrations.core.internal.autogenerate.AutogenerateRun;
import org.jspecify.annotations.Nullable;

/**
 * Autogenerate: the revision that brings the schema of the revisions to the schema of a
 * model, as {@code alembic revision --autogenerate} writes it. The model is a create
 * script (the JPA-standard script Hibernate writes for the application's own mapping); it
 * is loaded into one scratch database, the revisions are upgraded to the new revision's
 * parents in another, and the two catalogs are compared. The application's database is
 * never touched; the scratch databases are created on the given server and dropped
 * afterwards, even on failure.
 * <p>
 * Before the result is handed back, the revision is checked by a round trip in the
 * scratch databases: its upgrade must give the model's catalog, and its downgrade the
 * catalog of the revisions again.
 *
 * <pre class="code">
 * Autogenerate.Result result = Autogenerate.builder(migrator.configuration())
 * 	.model(Files.readString(script), script.toString())
 * 	.scratchServer(DatabaseUrl.parse("postgresql://postgres@127.0.0.1/dev"))
 * 	.parents(migrator.graph().heads())
 * 	.message("Add tags")
 * 	.run();
 * </pre>
 */
public final class Autogenerate {

	private Autogenerate() {
	}

	/**
	 * A builder for the revisions (locations, Java revisions, schema and state tables) of
	 * {@code configuration}; its data sources are not used.
	 */
	public static Builder builder(MigrationsConfiguration configuration) {
		return new Builder(configuration);
	}

	/** The settings of one autogenerate run. */
	public static final class Builder {

		private final MigrationsConfiguration configuration;

		private @Nullable String model;

		private String modelSource = "the model script";

		private @Nullable DatabaseUrl scratchServer;

		private List<String> parents = new ArrayList<>();

		private @Nullable String id;

		private String message = "";

		private boolean dropUnmappedTables;

		private Builder(MigrationsConfiguration configuration) {
			this.configuration = Objects.requireNonNull(configuration, "configuration");
		}

		/**
		 * The model's create script and its name for messages (a file).
		 */
		public Builder model(String script, String source) {
			this.model = script;
			this.modelSource = source;
			return this;
		}

		/**
		 * The server on which the two scratch databases are created (PostgreSQL, with a
		 * user allowed to {@code CREATE DATABASE}) or an H2 URL (in-memory scratch
		 * databases with its compatibility settings).
		 */
		public Builder scratchServer(DatabaseUrl server) {
			this.scratchServer = server;
			return this;
		}

		/** The parents of the new revision; the revisions are upgraded to them. */
		public Builder parents(List<String> parents) {
			this.parents = List.copyOf(parents);
			return this;
		}

		/** The id of the new revision (default: 12 fresh hex characters). */
		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		/** The message of the new revision. */
		public Builder message(String message) {
			this.message = message;
			return this;
		}

		/**
		 * Whether tables the model does not have are dropped; by default they are listed
		 * in a comment and kept.
		 */
		public Builder dropUnmappedTables(boolean dropUnmappedTables) {
			this.dropUnmappedTables = dropUnmappedTables;
			return this;
		}

		/**
		 * Compares the model with the revisions: {@link #start()}, then
		 * {@link Run#compare}, then {@link Run#close()}.
		 * @return the result, with no revision when nothing differs
		 * @throws ScratchDatabaseException when the scratch databases cannot be created
		 * @throws DatabaseNotSupportedException when the database is MariaDB or MySQL
		 * @throws RevisionFailedException when a revision fails in the scratch database
		 * @throws MigrationsException when the model script fails there
		 */
		public Result run() {
			if (this.model == null) {
				throw new IllegalStateException("No model script: call model(script, source)");
			}
			try (Run run = start()) {
				return run.compare(this.model, this.modelSource);
			}
		}

		/**
		 * Starts the work that needs no model, in the background: the scratch databases
		 * are created and the revisions upgraded to the parents there while the caller
		 * builds the model (Hibernate's bootstrap, say). The model given to this builder,
		 * if any, is not used: give it to {@link Run#compare}.
		 * @return the run, to be closed
		 * @throws DatabaseNotSupportedException when the database is MariaDB or MySQL
		 * @throws ScratchDatabaseException when the scratch server is of another kind
		 * than PostgreSQL or H2
		 */
		public Run start() {
			if (this.scratchServer == null) {
				throw new IllegalStateException("No scratch server: call scratchServer(url)");
			}
			return new Run(AutogenerateRun.start(this.configuration, this.scratchServer, this.parents,
					this.dropUnmappedTables), this);
		}

	}

	/**
	 * An autogenerate run begun before its model exists. {@link #compare} waits for the
	 * background work and compares; {@link #close()} waits for the scratch databases to
	 * be dropped (they are dropped in the background once the comparison no longer needs
	 * them, and on close whatever happened before; a shutdown hook drops them if the JVM
	 * exits first). A failure of the background work (no scratch database, a revision
	 * that fails) is thrown by {@code compare}.
	 */
	public static final class Run implements AutoCloseable {

		private final AutogenerateRun run;

		private final @Nullable String id;

		private final List<String> parents;

		private final String message;

		private Run(AutogenerateRun run, Builder builder) {
			this.run = run;
			this.id = builder.id;
			this.parents = builder.parents;
			this.message = builder.message;
		}

		/**
		 * Compares the model's create script {@code script} (named {@code source} in
		 * messages) with the revisions.
		 * @return the result, with no revision when nothing differs
		 * @throws ScratchDatabaseException when the scratch databases could not be
		 * created
		 * @throws RevisionFailedException when a revision failed in the scratch database
		 * @throws MigrationsException when the model script fails there
		 */
		public Result compare(String script, String source) {
			AutogenerateRun.Outcome outcome = this.run.compare(script, source);
			if (outcome.upgrade().isEmpty()) {
				return new Result(null, outcome.kept(), outcome.unmappedTables(), null);
			}
			String id = (this.id != null) ? this.id : NewRevision.freshId(outcome.revisionIds()::contains);
			NewRevision revision = new NewRevision(id, this.parents, List.of(), List.of(), this.message,
					outcome.upgrade(), outcome.downgrade());
			return new Result(revision, outcome.kept(), outcome.unmappedTables(), outcome.roundTripFailure());
		}

		/**
		 * Waits for the background work and drops the scratch databases; never throws.
		 */
		@Override
		public void close() {
			this.run.close();
		}

	}

	/**
	 * What a run found.
	 *
	 * @param revision the revision to write; {@code null} when the model and the
	 * revisions have the same schema
	 * @param kept objects of the revisions the model cannot express (partial or
	 * expression indexes, ...), kept as they are
	 * @param unmappedTables tables of the revisions the model does not map, kept unless
	 * dropping them was asked for
	 * @param roundTripFailure why the round trip in the scratch databases failed;
	 * {@code null} when it passed. The revision is still given, with a warning comment
	 */
	public record Result(@Nullable NewRevision revision, List<String> kept, List<String> unmappedTables,
			@Nullable String roundTripFailure) {

		public Result {
			kept = List.copyOf(kept);
			unmappedTables = List.copyOf(unmappedTables);
		}

		/** Whether there is a revision to write. */
		public boolean hasChanges() {
			return this.revision != null;
		}

	}

	/**
	 * Autogenerate found no place for its scratch databases: the server could not be
	 * reached, or its user may not {@code CREATE DATABASE}. Names the server and the
	 * setting that points autogenerate at another one.
	 */
	public static class ScratchDatabaseException extends MigrationsException {

		private final String server;

		/**
		 * @param server the JDBC URL of the server, without credentials
		 * @param problem what went wrong there
		 * @param cause the original error
		 */
		public ScratchDatabaseException(String server, String problem, @Nullable Throwable cause) {
			super("Autogenerate could not create its scratch databases on " + server + ": " + problem,
					"It compares the model and the revisions in two scratch databases it creates and drops, and never "
							+ "touches the application's database. Point it at a development server whose user may "
							+ "create databases with migrations.autogenerate.dev-url (Spring Boot) or --dev-url "
							+ "(command line)",
					cause);
			this.server = server;
		}

		/** The JDBC URL of the server, without credentials. */
		public String server() {
			return this.server;
		}

	}

	/**
	 * Autogenerate cannot work on this database yet: it makes its scratch databases on
	 * PostgreSQL and H2 only, and an application on MariaDB or MySQL emits a model in
	 * their SQL. Says what to do instead.
	 */
	public static class DatabaseNotSupportedException extends MigrationsException {

		private final DatabaseType databaseType;

		/**
		 * @param databaseType the database it was asked to work on
		 * @param where what has that type (the application's database, the scratch
		 * server)
		 */
		public DatabaseNotSupportedException(DatabaseType databaseType, String where) {
			super("Autogenerate does not support MariaDB or MySQL yet (" + where + " is " + name(databaseType)
					+ "): it compares the model and the revisions in scratch databases it makes on PostgreSQL "
					+ "and H2 only",
					"Write the revision by hand: 'migrations revision -m MESSAGE' creates an empty one on the "
							+ "head, with its upgrade and downgrade sections to fill in",
					null);
			this.databaseType = databaseType;
		}

		private static String name(DatabaseType type) {
			return (type == DatabaseType.MYSQL) ? "MySQL" : "MariaDB";
		}

		/** The database it was asked to work on. */
		public DatabaseType databaseType() {
			return this.databaseType;
		}

	}

}
