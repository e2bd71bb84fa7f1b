package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.benchmarks.tools.Workload.GeneratedRevision;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.util.LiquibaseUtil;

/**
 * Liquibase as Spring Boot runs it: a YAML master changelog (Boot's default
 * {@code db.changelog-master.yaml}) including one formatted-SQL file per revision, each
 * holding one change set, applied with {@code Liquibase.update} as
 * {@code SpringLiquibase} does. Analytics (which fetch a remote configuration) are
 * switched off, and logging goes nowhere, as for the other tools.
 */
final class LiquibaseAdapter implements MigrationTool {

	private static final String MASTER_CHANGELOG = "db.changelog-master.yaml";

	@Override
	public String name() {
		return "Liquibase";
	}

	@Override
	public String version() {
		return LiquibaseUtil.getBuildVersion();
	}

	@Override
	public void write(Workload workload, Path directory) throws IOException {
		Path changes = Files.createDirectories(directory.resolve("changes"));
		try (Writer master = Files.newBufferedWriter(directory.resolve(MASTER_CHANGELOG), StandardCharsets.UTF_8)) {
			master.write("databaseChangeLog:\n");
			for (GeneratedRevision revision : workload.revisions()) {
				String name = revision.paddedIndex() + "_" + revision.table() + ".sql";
				Files.writeString(changes.resolve(name),
						"--liquibase formatted sql\n\n--changeset bench:" + revision.table() + "\n"
								+ revision.upgradeSql() + "--rollback " + revision.downgradeSql(),
						StandardCharsets.UTF_8);
				master.write("  - include:\n      file: changes/" + name + "\n      relativeToChangelogFile: true\n");
			}
		}
	}

	@Override
	public int migrate(DataSource dataSource, Path directory) throws Exception {
		Map<String, Object> scope = Map.of("liquibase.analytics.enabled", false, Scope.Attr.ui.name(),
				new LoggerUIService(), Scope.Attr.logService.name(), new NoOpLogService());
		Scope.child(scope, () -> update(dataSource, directory));
		return -1;
	}

	private void update(DataSource dataSource, Path directory) throws Exception {
		// JVM-wide caches of what a database has run, keyed by its URL: an application
		// starts without them (and the runner recreates databases under the same names).
		Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
		Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
		LockServiceFactory.getInstance().resetAll();
		Connection connection = dataSource.getConnection();
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		try (Liquibase liquibase = new Liquibase(MASTER_CHANGELOG, new DirectoryResourceAccessor(directory),
				database)) {
			liquibase.update(new Contexts(), new LabelExpression());
		}
	}

	@Override
	public int appliedCount(Connection connection) throws SQLException {
		return Jdbc.count(connection, "SELECT count(*) FROM DATABASECHANGELOG");
	}

}
