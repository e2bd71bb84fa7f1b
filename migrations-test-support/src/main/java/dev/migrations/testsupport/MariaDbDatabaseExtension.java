package dev.migrations.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Backs {@link MariaDbDatabase}: a fresh database per test class on a server located once
 * per test run.
 */
final class MariaDbDatabaseExtension extends DatabasePerClassExtension {

	private static final Namespace SERVER = Namespace.create(MariaDbDatabaseExtension.class, "server");

	@Override
	TestDatabase create(ExtensionContext context, String name) throws Exception {
		return server(context).createDatabase(name);
	}

	@Override
	void drop(ExtensionContext context, TestDatabase database) throws Exception {
		server(context).dropDatabase(database.name());
	}

	private static MariaDbServer server(ExtensionContext context) {
		MariaDbServer.Located located = context.getRoot()
			.getStore(SERVER)
			.computeIfAbsent(MariaDbServer.Located.class, (key) -> MariaDbServer.locate(System.getenv()),
					MariaDbServer.Located.class);
		return located.serverOrThrow();
	}

}
