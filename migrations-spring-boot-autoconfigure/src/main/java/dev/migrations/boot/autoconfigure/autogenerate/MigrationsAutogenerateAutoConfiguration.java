package dev.migrations.boot.autoconfigure.autogenerate;

import java.nio.file.Path;
import java.time.Clock;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsConnectionDetails;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.autogenerate.AutogenerateEnvironmentPostProcessor;
import dev.migrations.boot.autogenerate.AutogenerateExit;
import dev.migrations.boot.autogenerate.AutogenerateRunner;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsException;
import dev.migrations.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The autogenerate run ({@code migrations.autogenerate.message} set): the runner that
 * writes the revision and, unless {@code migrations.autogenerate.exit=false}, the exit
 * once it is done. {@link AutogenerateEnvironmentPostProcessor} has already turned off
 * the web server, the startup run and Hibernate's schema management.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty(AutogenerateEnvironmentPostProcessor.MESSAGE_PROPERTY)
@ConditionalOnBean(Migrator.class)
public final class MigrationsAutogenerateAutoConfiguration {

	private static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";

	@Bean
	AutogenerateRunner migrationsAutogenerateRunner(Migrator migrator, MigrationsProperties properties,
			Environment environment, ObjectProvider<MigrationsConnectionDetails> migrationsConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, ListableBeanFactory beanFactory) {
		buildEntityManagerFactories(beanFactory);
		MigrationsProperties.Autogenerate autogenerate = properties.getAutogenerate();
		String script = environment.getProperty(AutogenerateEnvironmentPostProcessor.MODEL_SCRIPT_PROPERTY);
		if (script == null) {
			throw new MigrationsException("Autogenerate found no model script: "
					+ AutogenerateEnvironmentPostProcessor.class.getName() + " did not run");
		}
		AutogenerateRunner.Settings settings = new AutogenerateRunner.Settings(
				(autogenerate.getMessage() != null) ? autogenerate.getMessage() : "", autogenerate.getHead(),
				Path.of(autogenerate.getDirectory()), Path.of(script), autogenerate.isDropUnmappedTables());
		return new AutogenerateRunner(
				migrator, settings, scratchServer(autogenerate.getDevUrl(),
						migrationsConnectionDetails.getIfAvailable(), connectionDetails.getIfAvailable()),
				System.out, Clock.systemDefaultZone());
	}

	/**
	 * Builds the JPA entity manager factories, so that Hibernate writes the model's
	 * script before the runner reads it, even in an application with lazy initialization.
	 */
	private static void buildEntityManagerFactories(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = MigrationsAutogenerateAutoConfiguration.class.getClassLoader();
		if (ClassUtils.isPresent(ENTITY_MANAGER_FACTORY, classLoader)) {
			beanFactory.getBeansOfType(ClassUtils.resolveClassName(ENTITY_MANAGER_FACTORY, classLoader));
		}
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "migrations.autogenerate.exit", matchIfMissing = true)
	AutogenerateExit migrationsAutogenerateExit() {
		return new AutogenerateExit();
	}

	/**
	 * Where the scratch databases go: {@code migrations.autogenerate.dev-url}, else the
	 * server of the migration connection ({@code migrations.url} or another
	 * {@link MigrationsConnectionDetails}), else the application's.
	 */
	static DatabaseUrl scratchServer(@Nullable String devUrl, @Nullable MigrationsConnectionDetails migrations,
			@Nullable JdbcConnectionDetails connectionDetails) {
		if (StringUtils.hasText(devUrl)) {
			return devUrl.startsWith("jdbc:") ? new DatabaseUrl(devUrl, null, null) : DatabaseUrl.parse(devUrl);
		}
		String user = (migrations != null) ? migrations.getUsername() : null;
		if (migrations != null && migrations.getJdbcUrl() != null) {
			return new DatabaseUrl(migrations.getJdbcUrl(), user, migrations.getPassword());
		}
		if (connectionDetails != null) {
			return new DatabaseUrl(connectionDetails.getJdbcUrl(),
					StringUtils.hasText(user) ? user : connectionDetails.getUsername(),
					StringUtils.hasText(user) ? migrations.getPassword() : connectionDetails.getPassword());
		}
		throw new MigrationsException("Autogenerate needs a server for its scratch databases: set "
				+ "migrations.autogenerate.dev-url to a development database server");
	}

}
