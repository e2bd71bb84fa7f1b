package dev.migrations.core.autogenerate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.migrations.core.Autogenerate;
import dev.migrations.core.DatabaseUrl;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.NewRevision;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.internal.source.SqlStatementSplitter;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden corpus of autogenerate: for each folder of the corpus, the revisions are
 * {@code before.sql}, the model is {@code after.sql}, and the generated revision must
 * equal {@code revision.sql} byte for byte (run with {@code -Dgolden.update=true} to
 * write the files anew, then review the diff). For each, the upgrade applied to
 * {@code before} gives {@code after}'s catalog (but for what the policies keep),
 * autogenerate again finds nothing, the downgrade gives {@code before}'s catalog, and two
 * runs give the same text.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class GoldenCorpusTests {

	private static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

	/** The folder of the corpus. */
	abstract Path corpus();

	/** Empties the test database. */
	abstract void reset(TestDatabase database) throws SQLException;

	Stream<String> cases() throws IOException {
		try (Stream<Path> folders = Files.list(corpus())) {
			return folders.filter(Files::isDirectory)
				.map((folder) -> folder.getFileName().toString())
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void generatesTheRevisionThatLeadsFromBeforeToAfterAndBack(String name, TestDatabase database,
			@TempDir Path revisions) throws Exception {
		Path folder = corpus().resolve(name);
		String before = Files.readString(folder.resolve("before.sql"));
		String after = Files.readString(folder.resolve("after.sql"));
		Properties options = new Properties();
		if (Files.exists(folder.resolve("options.properties"))) {
			options.load(new StringReader(Files.readString(folder.resolve("options.properties"))));
		}
		boolean dropUnmapped = Boolean.parseBoolean(options.getProperty("drop-unmapped-tables", "false"));
		Files.writeString(revisions.resolve("001_before.sql"),
				NewRevision.empty("001", List.of(), List.of(), List.of(), "before")
					.text(CREATED)
					.replace("-- +upgrade\n", "-- +upgrade\n" + before));
		MigrationsConfiguration configuration = MigrationsConfiguration.builder()
			.locations("filesystem:" + revisions)
			.build();
		DatabaseUrl server = new DatabaseUrl(database.jdbcUrl(), database.user(), database.password());

		Autogenerate.Result result = generate(configuration, after, server, dropUnmapped, "001");
		String text = (result.revision() != null) ? result.revision().text(CREATED) : "";
		assertMatchesGolden(folder.resolve("revision.sql"), text);
		assertThat(result.roundTripFailure()).as("round trip").isNull();
		assertThat(generate(configuration, after, server, dropUnmapped, "001").revision())
			.as("a second run gives the same revision")
			.satisfies((again) -> assertThat((again != null) ? again.text(CREATED) : "").isEqualTo(text));
		if (result.revision() == null) {
			return;
		}

		reset(database);
		run(database, after);
		Catalog afterCatalog = catalog(database);
		reset(database);
		run(database, before);
		Catalog beforeCatalog = catalog(database);
		run(database, result.revision().upgrade());
		Catalog upgraded = catalog(database);
		if (result.kept().isEmpty() && result.unmappedTables().isEmpty()) {
			assertThat(shape(upgraded)).as("upgrade(before) gives after's catalog (matched objects keep their names)")
				.isEqualTo(shape(afterCatalog));
		}
		Files.writeString(revisions.resolve("002_generated.sql"), result.revision().text(CREATED));
		assertThat(generate(configuration, after, server, dropUnmapped, "002").revision()).as("autogenerate again")
			.isNull();
		run(database, result.revision().downgrade());
		assertThat(Catalog.differences(beforeCatalog, catalog(database))).as("downgrade gives before's catalog")
			.isEmpty();
	}

	/**
	 * A catalog without the names of constraints and indexes, a unique constraint and a
	 * unique index on the same columns alike: what the upgrade must reproduce when it
	 * keeps the revisions' names for objects the model names differently.
	 */
	private static Map<String, List<String>> shape(Catalog catalog) {
		Map<String, List<String>> shape = new TreeMap<>();
		for (Catalog.Table table : catalog.tables()) {
			List<String> parts = new ArrayList<>();
			table.columns().forEach((column) -> parts.add(column.toString()));
			parts.add("comment " + table.comment());
			for (Catalog.Constraint constraint : table.constraints()) {
				parts.add((constraint.kind() == Catalog.ConstraintKind.UNIQUE)
						? "unique " + new TreeSet<>(constraint.columns())
						: constraint.kind() + " " + constraint.definition());
			}
			for (Catalog.Index index : table.indexes()) {
				boolean simple = index.method().equals("btree") && index.predicate() == null
						&& index.include().isEmpty();
				parts.add((index.unique() && simple) ? "unique " + new TreeSet<>(index.keys())
						: "index " + index.unique() + " " + index.method() + " " + index.keys() + " " + index.include()
								+ " " + index.predicate());
			}
			parts.sort(null);
			shape.put(table.name(), parts);
		}
		catalog.sequences()
			.forEach((sequence) -> shape.put("sequence " + sequence.name(), List.of(sequence.toString())));
		catalog.enumTypes().forEach((type) -> shape.put("type " + type.name(), type.labels()));
		return shape;
	}

	private static Autogenerate.Result generate(MigrationsConfiguration configuration, String model, DatabaseUrl server,
			boolean dropUnmapped, String parent) {
		return Autogenerate.builder(configuration)
			.model(model, "after.sql")
			.scratchServer(server)
			.parents(List.of(parent))
			.id("002")
			.message("generated")
			.dropUnmappedTables(dropUnmapped)
			.run();
	}

	private static void assertMatchesGolden(Path file, String text) throws IOException {
		if (Boolean.getBoolean("golden.update")) {
			if (text.isEmpty()) {
				Files.deleteIfExists(file);
			}
			else {
				Files.writeString(file, text);
			}
			return;
		}
		if (text.isEmpty()) {
			assertThat(file).as("no revision expected").doesNotExist();
			return;
		}
		assertTrue(Files.exists(file), () -> file + " is missing: run the test with -Dgolden.update=true");
		assertThat(text).isEqualTo(Files.readString(file));
	}

	static void run(TestDatabase database, String script) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			SqlStatementSplitter.split(new StringReader(script), "script", (each) -> statement.execute(each.sql()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Catalog catalog(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return Catalog.read(connection);
		}
	}

}
