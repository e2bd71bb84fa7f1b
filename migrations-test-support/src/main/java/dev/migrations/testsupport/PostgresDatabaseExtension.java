package dev.migrations.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import dev.migrations.test.database.PostgresServer;

/**
 * Backs {@link PostgresDatabase}: a fresh database per test class on a server located
 * once per test run ({@link PostgresServer} of migrations-test-database, the code the
 * test kit uses).
 */
final class PostgresDatabaseExtension extends DatabasePerClassExtension {

	private static final Namespace SERVER = Namespace.create(PostgresDatabaseExtension.class, "server");

	@Override
	TestDatabase create(ExtensionContext context, String name) throws Exception {
		return TestDatabase.of(server(context).createDatabase(name));
	}

	@Override
	void drop(ExtensionContext context, TestDatabase database) throws Exception {
		server(context).dropDatabase(database.name());
	}

	private static PostgresServer server(ExtensionContext context) {
		PostgresServer.Located located = context.getRoot()
			.getStore(SERVER)
			.computeIfAbsent(PostgresServer.Located.class, (key) -> PostgresServer.locate(System.getenv()),
					PostgresServer.Located.class);
		return located.serverOrThrow();
	}

}
