package dev.migrations.benchmarks.autogenerate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.Table;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.NewRevision;
import dev.migrations.core.internal.autogenerate.AutogenerateRun;

/**
 * Autogenerate for a 100-entity model on PostgreSQL, phase by phase. Each entity (made
 * with Byte Buddy, as if compiled) has an id, six columns (text, lengths, a timestamp, a
 * decimal, a boolean), an index and a many-to-one to the previous entity. Hibernate
 * writes their JPA-standard create script (its bootstrap, timed: what a Spring Boot
 * autogenerate run adds to its context start) while autogenerate's work that needs no
 * model (the scratch databases, the revisions upgraded in H, H's catalog) runs beside it,
 * as in the Spring Boot mode; autogenerate then compares the script with the revisions,
 * from base (the revision creates everything) and with that revision in place (nothing to
 * change), each in {@code --runs} runs in this JVM, the first one cold. The phases on the
 * run's threads are thread time (they overlap); the rows marked "wall" are what the
 * caller waits for.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.migrations.benchmarks.autogenerate.AutogenerateSplit [--url jdbc:postgresql://127.0.0.1:5432/postgres] [--user postgres] [--entities 100] [--runs 3]}
 * prints a Markdown table in milliseconds.
 */
public final class AutogenerateSplit {

	private AutogenerateSplit() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--url", "jdbc:postgresql://127.0.0.1:5432/postgres",
				"--user", "postgres", "--entities", "100", "--runs", "3"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		String url = options.get("--url");
		String user = options.get("--user");
		int entities = Integer.parseInt(options.get("--entities"));
		int runs = Integer.parseInt(options.get("--runs"));
		DatabaseUrl server = new DatabaseUrl(url, user, null);

		long start = System.nanoTime();
		List<Class<?>> classes = entityClasses(entities);
		Duration defined = Duration.ofNanos(System.nanoTime() - start);

		Path revisions = Files.createTempDirectory("autogenerate-split");
		MigrationsConfiguration configuration = MigrationsConfiguration.builder()
			.locations("filesystem:" + revisions)
			.build();
		List<Map<String, Duration>> fromBase = new ArrayList<>();
		AutogenerateRun.Outcome first = null;
		for (int run = 0; run < runs; run++) {
			Timed timed = run(configuration, List.of(), classes, url, user, server);
			check(timed.outcome(), true);
			fromBase.add(timed.phases());
			first = (first != null) ? first : timed.outcome();
		}
		NewRevision revision = new NewRevision("000000000001", List.of(), List.of(), List.of(), "100 entities",
				first.upgrade(), first.downgrade());
		Files.writeString(revisions.resolve("001.sql"), revision.text(LocalDateTime.of(2026, 1, 1, 0, 0)));
		System.err.println("The revision from base has " + first.upgrade().lines().count() + " upgrade lines");
		configuration = MigrationsConfiguration.builder().locations("filesystem:" + revisions).build();
		List<Map<String, Duration>> unchanged = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			Timed timed = run(configuration, List.of("000000000001"), classes, url, user, server);
			check(timed.outcome(), false);
			unchanged.add(timed.phases());
		}

		System.out
			.println("| phase (ms) | from base, runs 1.." + runs + " | nothing to change, runs 1.." + runs + " |");
		System.out.println("|---|---:|---:|");
		System.out
			.println("| define " + entities + " entity classes (Byte Buddy, once) | " + defined.toMillis() + " | |");
		for (String phase : fromBase.get(0).keySet()) {
			System.out.println("| " + phase + " | " + join(fromBase, phase) + " | " + join(unchanged, phase) + " |");
		}
	}

	/**
	 * One autogenerate as the Spring Boot mode runs it: the run started (its scratch work
	 * in the background), Hibernate's bootstrap writing the model, the comparison, the
	 * close (waiting for the drops).
	 */
	private static Timed run(MigrationsConfiguration configuration, List<String> parents, List<Class<?>> classes,
			String url, String user, DatabaseUrl server) throws IOException {
		long start = System.nanoTime();
		AutogenerateRun run = AutogenerateRun.start(configuration, server, parents, false);
		AutogenerateRun.Outcome outcome;
		long modelReady;
		long compared;
		try {
			String model = createScript(classes, url, user);
			modelReady = System.nanoTime();
			outcome = run.compare(model, "model");
			compared = System.nanoTime();
		}
		finally {
			run.close();
		}
		long closed = System.nanoTime();
		Map<String, Duration> phases = new LinkedHashMap<>();
		phases.put("Hibernate bootstrap writing the create script (beside the scratch work)",
				Duration.ofNanos(modelReady - start));
		outcome.times().durations().forEach((phase, time) -> phases.put(phase + " (thread time)", time));
		phases.put("autogenerate once the model is written (wall)", Duration.ofNanos(compared - modelReady));
		phases.put("close: waiting for the drops (wall)", Duration.ofNanos(closed - compared));
		phases.put("Hibernate and autogenerate, start to close (wall)", Duration.ofNanos(closed - start));
		return new Timed(outcome, phases);
	}

	private record Timed(AutogenerateRun.Outcome outcome, Map<String, Duration> phases) {

	}

	private static void check(AutogenerateRun.Outcome outcome, boolean changes) {
		if (outcome.upgrade().isEmpty() == changes || outcome.roundTripFailure() != null) {
			throw new IllegalStateException("Unexpected outcome: changes " + !outcome.upgrade().isEmpty()
					+ ", round trip " + outcome.roundTripFailure());
		}
	}

	private static String join(List<Map<String, Duration>> runs, String phase) {
		return String.join(", ",
				runs.stream()
					.map((run) -> run.containsKey(phase) ? String.valueOf(run.get(phase).toMillis()) : "–")
					.toList());
	}

	/**
	 * {@code count} entity classes {@code E001}... each with a many-to-one to the one
	 * before, defined together in one class loader.
	 */
	static List<Class<?>> entityClasses(int count) {
		List<String> names = new ArrayList<>();
		DynamicType.Unloaded<Object> previous = null;
		for (int i = 1; i <= count; i++) {
			String table = String.format(Locale.ROOT, "e%03d", i);
			String name = "dev.migrations.benchmarks.autogenerate.model.E" + table.substring(1);
			names.add(name);
			DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
				.name(name)
				.annotateType(AnnotationDescription.Builder.ofType(Entity.class).build(),
						AnnotationDescription.Builder.ofType(Table.class)
							.define("name", table)
							.defineAnnotationArray("indexes", TypeDescription.ForLoadedType.of(Index.class),
									AnnotationDescription.Builder.ofType(Index.class)
										.define("name", "ix_" + table + "_name")
										.define("columnList", "name")
										.build())
							.build())
				.defineField("id", Long.class, Visibility.PRIVATE)
				.annotateField(AnnotationDescription.Builder.ofType(Id.class).build())
				.defineField("name", String.class, Visibility.PRIVATE)
				.annotateField(AnnotationDescription.Builder.ofType(Column.class)
					.define("nullable", false)
					.define("length", 100)
					.build())
				.defineField("description", String.class, Visibility.PRIVATE)
				.defineField("createdAt", Instant.class, Visibility.PRIVATE)
				.defineField("amount", BigDecimal.class, Visibility.PRIVATE)
				.annotateField(AnnotationDescription.Builder.ofType(Column.class)
					.define("precision", 12)
					.define("scale", 2)
					.build())
				.defineField("active", boolean.class, Visibility.PRIVATE)
				.defineField("code", String.class, Visibility.PRIVATE)
				.annotateField(AnnotationDescription.Builder.ofType(Column.class).define("length", 20).build());
			if (previous != null) {
				builder = builder.defineField("parent", previous.getTypeDescription(), Visibility.PRIVATE)
					.annotateField(AnnotationDescription.Builder.ofType(ManyToOne.class).build());
			}
			DynamicType.Unloaded<Object> made = builder.make();
			previous = (previous != null) ? made.include(previous) : made;
		}
		Map<TypeDescription, Class<?>> loaded = previous
			.load(AutogenerateSplit.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
			.getAllLoaded();
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			classes.add(loaded.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().getName().equals(name))
				.findFirst()
				.orElseThrow()
				.getValue());
		}
		return classes;
	}

	/**
	 * The create script Hibernate writes for the classes, with Spring Boot's physical
	 * naming, for PostgreSQL's dialect without connecting to it.
	 */
	static String createScript(List<Class<?>> classes, String url, String user) throws IOException {
		Path script = Files.createTempFile("autogenerate-split-", ".sql");
		PersistenceConfiguration configuration = new PersistenceConfiguration("autogenerate-split");
		classes.forEach(configuration::managedClass);
		configuration.property(PersistenceConfiguration.JDBC_URL, url)
			.property(PersistenceConfiguration.JDBC_USER, user)
			.property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none")
			.property(PersistenceConfiguration.SCHEMAGEN_SCRIPTS_ACTION, "create")
			.property("jakarta.persistence.schema-generation.scripts.create-target", script.toString())
			.property("hibernate.hbm2ddl.schema-generation.script.append", "false")
			.property("hibernate.hbm2ddl.delimiter", ";")
			.property("hibernate.format_sql", "false")
			// the dialect as the Spring Boot mode sets it, from the URL (Hibernate's
			// built-in
			// pool still opens a connection, where the application's pool would not)
			.property("hibernate.boot.allow_jdbc_metadata_access", "false")
			.property("jakarta.persistence.database-product-name", "PostgreSQL")
			.property("jakarta.persistence.database-major-version", "14")
			.property("hibernate.physical_naming_strategy",
					"org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
		// Hibernate loads the managed classes by name: from the loader that defined them
		configuration.property("hibernate.classLoaders", List.of(classes.get(0).getClassLoader()));
		EntityManagerFactory factory = Persistence.createEntityManagerFactory(configuration);
		factory.close();
		String text = Files.readString(script);
		Files.delete(script);
		return text;
	}

}
