package dev.migrations.test;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import dev.migrations.test.MigrationsTest.Database;
import dev.migrations.test.database.PostgresServer;
import dev.migrations.test.database.ScratchDatabase;

/**
 * What the test kit knows about one test class: its settings, the server its databases
 * are made on, and the stairway walk its standard tests share.
 */
final class KitContext implements AutoCloseable {

	private final Class<?> testClass;

	private final MigrationsTest settings;

	private final @Nullable PostgresServer server;

	private @Nullable StairwayWalk walk;

	KitContext(Class<?> testClass, MigrationsTest settings, @Nullable PostgresServer server) {
		this.testClass = testClass;
		this.settings = settings;
		this.server = server;
	}

	Class<?> testClass() {
		return this.testClass;
	}

	MigrationsTest settings() {
		return this.settings;
	}

	List<String> skipped() {
		return List.of(this.settings.skipRevisions());
	}

	/** A migrator on the data source, or without one (graph only). */
	Migrator migrator(@Nullable DataSource dataSource) {
		return Migrator.create(MigrationsConfiguration.builder()
			.dataSource(dataSource)
			.locations(this.settings.locations())
			.classLoader(this.testClass.getClassLoader())
			.build());
	}

	ScratchDatabase newDatabase() throws SQLException {
		String name = ScratchDatabase.uniqueName(this.testClass.getSimpleName());
		if (this.settings.database() == Database.H2) {
			return ScratchDatabase.h2(name);
		}
		return server().createDatabase(name);
	}

	/**
	 * Whether the stairway forks states with {@code CREATE DATABASE ... TEMPLATE}: on
	 * PostgreSQL, unless {@link MigrationsTest#forkWithTemplates()} is false.
	 */
	boolean forksWithTemplates() {
		return this.settings.database() == Database.POSTGRESQL && this.settings.forkWithTemplates();
	}

	/**
	 * Copies a PostgreSQL database, which must have no open session, into a new one.
	 * @param purpose a word put into the copy's name
	 */
	ScratchDatabase copyDatabase(ScratchDatabase source, String purpose) throws SQLException {
		return server().copyDatabase(source.name(),
				ScratchDatabase.uniqueName(this.testClass.getSimpleName() + "_" + purpose));
	}

	void drop(ScratchDatabase database) throws SQLException {
		if (database.kind() == ScratchDatabase.Kind.H2) {
			database.dropH2();
		}
		else {
			server().dropDatabase(database.name());
		}
	}

	private PostgresServer server() {
		if (this.server == null) {
			throw new IllegalStateException("No PostgreSQL server was located for " + this.testClass.getName());
		}
		return this.server;
	}

	/**
	 * The walk of the stairway, shared by {@code stairway} and
	 * {@code downgradeLeavesNoTrace}.
	 */
	synchronized StairwayWalk walk(StandardRevisionTests tests) {
		if (this.walk == null) {
			this.walk = new StairwayWalk(this, tests);
		}
		return this.walk;
	}

	@Override
	public synchronized void close() {
		if (this.walk != null) {
			this.walk.close();
		}
	}

}
