package dev.migrations.boot.autogenerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When {@code migrations.autogenerate.message} is set, turns the application's start into
 * an autogenerate run: no web server, no startup run, no {@code spring.sql.init} scripts,
 * and Hibernate, built from the application's own JPA configuration (its naming
 * strategies, converters and dialect), writes the model's JPA-standard create script to a
 * temporary file instead of creating, updating or validating the database; where the
 * dialect is known without a connection (named, or told by
 * {@code spring.datasource.url}), Hibernate does not connect to the database at all.
 * Registered in {@code META-INF/spring.factories}; does nothing otherwise.
 */
public class AutogenerateEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The property naming the message, which switches the run on. */
	public static final String MESSAGE_PROPERTY = "migrations.autogenerate.message";

	/** Where Hibernate writes the model's create script during this run. */
	public static final String MODEL_SCRIPT_PROPERTY = "migrations.autogenerate.internal.model-script";

	static final String PROPERTY_SOURCE_NAME = "migrationsAutogenerate";

	private static final String JPA = "spring.jpa.properties.";

	private static final String PRODUCT_NAME = "jakarta.persistence.database-product-name";

	private static final String MAJOR_VERSION = "jakarta.persistence.database-major-version";

	private static final Map<String, String> PRODUCTS = Map.of("jdbc:postgresql:", "PostgreSQL", "jdbc:h2:", "H2",
			"jdbc:mariadb:", "MariaDB", "jdbc:mysql:", "MySQL");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty(MESSAGE_PROPERTY))) {
			return;
		}
		Path script;
		try {
			script = Files.createTempFile("migrations-model-", ".sql");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary file for the model script", ex);
		}
		script.toFile().deleteOnExit();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.web-application-type", "none");
		properties.put("migrations.on-startup", "none");
		properties.put("spring.sql.init.mode", "never");
		properties.put("spring.jpa.hibernate.ddl-auto", "none");
		properties.put(JPA + "hibernate.hbm2ddl.auto", "none");
		properties.put(JPA + "jakarta.persistence.schema-generation.database.action", "none");
		properties.put(JPA + "jakarta.persistence.schema-generation.scripts.action", "create");
		properties.put(JPA + "jakarta.persistence.schema-generation.scripts.create-target", script.toString());
		properties.put(JPA + "hibernate.hbm2ddl.schema-generation.script.append", "false");
		properties.put(JPA + "hibernate.hbm2ddl.delimiter", ";");
		properties.put(JPA + "hibernate.format_sql", "false");
		if (dialectKnown(environment, properties)) {
			// Hibernate would open a connection to the application's database to learn it
			properties.put(JPA + "hibernate.boot.allow_jdbc_metadata_access", "false");
		}
		properties.put(MODEL_SCRIPT_PROPERTY, script.toString());
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	/**
	 * Whether Hibernate can know the dialect without a connection: the application names
	 * it ({@code spring.jpa.database-platform}, {@code spring.jpa.database},
	 * {@code hibernate.dialect}), or it names a database product, which
	 * {@code spring.datasource.url} tells (then put in {@code properties}).
	 */
	private static boolean dialectKnown(ConfigurableEnvironment environment, Map<String, Object> properties) {
		if (StringUtils.hasText(environment.getProperty("spring.jpa.database-platform"))
				|| StringUtils.hasText(environment.getProperty("spring.jpa.database"))
				|| StringUtils.hasText(environment.getProperty(JPA + "hibernate.dialect"))
				|| StringUtils.hasText(environment.getProperty(JPA + PRODUCT_NAME))) {
			return true;
		}
		String product = productName(environment.getProperty("spring.datasource.url"));
		if (product == null) {
			return false;
		}
		properties.put(JPA + PRODUCT_NAME, product);
		if (product.equals("PostgreSQL") && !StringUtils.hasText(environment.getProperty(JPA + MAJOR_VERSION))) {
			// the oldest its dialect supports (unstated, Hibernate takes it too, with a
			// warning); its create script is the same up to PostgreSQL 17
			properties.put(JPA + MAJOR_VERSION, "14");
		}
		return true;
	}

	/** The database product a JDBC URL points at, as Hibernate names it, if known. */
	static @Nullable String productName(@Nullable String jdbcUrl) {
		if (jdbcUrl == null) {
			return null;
		}
		for (Map.Entry<String, String> product : PRODUCTS.entrySet()) {
			if (jdbcUrl.startsWith(product.getKey())) {
				return product.getValue();
			}
		}
		return null;
	}

}
