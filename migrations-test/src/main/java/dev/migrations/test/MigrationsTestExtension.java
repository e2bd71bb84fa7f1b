package dev.migrations.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.migrations.test.MigrationsTest.Database;
import dev.migrations.test.database.PostgresServer;

/**
 * Backs {@link MigrationsTest}: locates the PostgreSQL server once per test run, keeps a
 * {@link KitContext} per test class, and resolves {@link RevisionRunner} parameters, each
 * with a database of its own dropped after its test.
 */
final class MigrationsTestExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(MigrationsTestExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		kit(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RevisionRunner.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		RevisionRunner runner = new RevisionRunner(kit(extensionContext));
		extensionContext.getStore(NAMESPACE).put(new Object(), (AutoCloseable) runner::close);
		return runner;
	}

	private static KitContext kit(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		ExtensionContext classContext = classContext(context, testClass);
		return classContext.getStore(NAMESPACE).computeIfAbsent(KitContext.class, (key) -> {
			MigrationsTest settings = AnnotationSupport.findAnnotation(testClass, MigrationsTest.class)
				.orElseThrow(
						() -> new IllegalStateException(testClass.getName() + " is not annotated @MigrationsTest"));
			PostgresServer server = (settings.database() == Database.POSTGRESQL) ? server(context) : null;
			return new KitContext(testClass, settings, server);
		}, KitContext.class);
	}

	private static ExtensionContext classContext(ExtensionContext context, Class<?> testClass) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() || current.getTestClass().orElse(null) != testClass) {
			current = current.getParent().orElse(current);
			if (current.getParent().isEmpty()) {
				break;
			}
		}
		return current;
	}

	private static PostgresServer server(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(PostgresServer.Located.class, (key) -> PostgresServer.locate(System.getenv()),
					PostgresServer.Located.class)
			.serverOrThrow();
	}

}
