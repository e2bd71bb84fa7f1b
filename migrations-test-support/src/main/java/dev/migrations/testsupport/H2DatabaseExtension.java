package dev.migrations.testsupport;

import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Backs {@link H2Database}: a uniquely named in-memory H2 database per test class. */
final class H2DatabaseExtension extends DatabasePerClassExtension {

	private static final String USER = "sa";

	@Override
	TestDatabase create(ExtensionContext context, String name) throws Exception {
		String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser(USER);
		dataSource.setPassword("");
		// Opening the first connection creates the database.
		dataSource.getConnection().close();
		return new TestDatabase(TestDatabase.Kind.H2, name, url, USER, "", dataSource);
	}

	@Override
	void drop(ExtensionContext context, TestDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

}
