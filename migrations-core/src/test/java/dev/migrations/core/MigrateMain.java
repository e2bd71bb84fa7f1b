package dev.migrations.core;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs one upgrade to heads in a JVM of its own, for the tests of concurrent starts and
 * crashes. Arguments: JDBC URL, user, password ({@code -} for none), location, and
 * optionally PostgreSQL connection options (e.g. {@code -c x.y=z}). Exits 0 on success, 1
 * on failure (the error on stderr).
 */
public final class MigrateMain {

	private MigrateMain() {
	}

	private static DataSource postgres(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(args[0]);
		dataSource.setUser(args[1]);
		if (!"-".equals(args[2])) {
			dataSource.setPassword(args[2]);
		}
		dataSource.setApplicationName("migrate-main");
		if (args.length > 4) {
			dataSource.setOptions(args[4]);
		}
		return dataSource;
	}

	private static DataSource mariaDb(String[] args) throws SQLException {
		MariaDbDataSource dataSource = new MariaDbDataSource(args[0]);
		dataSource.setUser(args[1]);
		if (!"-".equals(args[2])) {
			dataSource.setPassword(args[2]);
		}
		return dataSource;
	}

	public static void main(String[] args) throws SQLException {
		DataSource dataSource = args[0].startsWith("jdbc:mariadb:") ? mariaDb(args) : postgres(args);
		try {
			RunResult result = Migrator
				.create(MigrationsConfiguration.builder()
					.dataSource(dataSource)
					.locations(args[3])
					.lockTimeout(Duration.ofMinutes(2))
					.databaseType(DatabaseType.fromJdbcUrl(args[0]).orElse(null))
					.build())
				.upgrade("heads");
			System.out.println("applied " + result.steps().size());
			System.exit(0);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

}
