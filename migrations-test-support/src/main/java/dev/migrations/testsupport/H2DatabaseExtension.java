package dev.migrations.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.migrations.test.database.ScratchDatabase;

/** Backs {@link H2Database}: a uniquely named in-memory H2 database per test class. */
final class H2DatabaseExtension extends DatabasePerClassExtension {

	@Override
	TestDatabase create(ExtensionContext context, String name) throws Exception {
		return TestDatabase.of(ScratchDatabase.h2(name));
	}

	@Override
	void drop(ExtensionContext context, TestDatabase database) throws Exception {
		database.scratch().dropH2();
	}

}
