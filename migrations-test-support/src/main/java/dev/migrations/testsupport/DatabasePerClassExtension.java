package dev.migrations.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.migrations.test.database.ScratchDatabase;

/**
 * Creates one database before a test class runs, resolves it as a {@link TestDatabase}
 * parameter, and drops it after the class. Nested classes share their outer class's
 * database.
 */
abstract class DatabasePerClassExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final Namespace namespace = Namespace.create(getClass());

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (context.getStore(this.namespace).get(TestDatabase.class, TestDatabase.class) != null) {
			return; // a nested class: the enclosing class's database is inherited
		}
		String name = uniqueName(context.getRequiredTestClass());
		context.getStore(this.namespace).put(Owner.class, new Owner(context.getUniqueId()));
		context.getStore(this.namespace).put(TestDatabase.class, create(context, name));
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		Owner owner = context.getStore(this.namespace).get(Owner.class, Owner.class);
		if (owner == null || !owner.uniqueId().equals(context.getUniqueId())) {
			return;
		}
		TestDatabase database = context.getStore(this.namespace).remove(TestDatabase.class, TestDatabase.class);
		if (database != null) {
			drop(context, database);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		TestDatabase database = extensionContext.getStore(this.namespace).get(TestDatabase.class, TestDatabase.class);
		if (database == null) {
			throw new ParameterResolutionException(
					"No test database exists yet: TestDatabase can be injected into test methods, "
							+ "@BeforeEach/@AfterEach and @BeforeAll/@AfterAll methods, and test constructors");
		}
		return database;
	}

	/** Creates the database named {@code name} and returns a handle to it. */
	abstract TestDatabase create(ExtensionContext context, String name) throws Exception;

	/** Drops the database so that nothing of it remains. */
	abstract void drop(ExtensionContext context, TestDatabase database) throws Exception;

	/**
	 * A lower-case name that is a valid unquoted identifier in PostgreSQL and H2: the
	 * test class's simple name and a random suffix.
	 */
	static String uniqueName(Class<?> testClass) {
		return ScratchDatabase.uniqueName(testClass.getSimpleName());
	}

	private record Owner(String uniqueId) {
	}

}
