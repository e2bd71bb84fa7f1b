package dev.migrations.core;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import dev.migrations.core.graph.RevisionNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations answers as real Alembic 1.8 does, order included: {@code history},
 * {@code heads}, {@code upgrade base:heads --sql}, {@code downgrade heads:base --sql},
 * {@code upgrade X:Y --sql} and {@code downgrade X:<label>@base --sql} for the corpus of
 * graphs in {@code src/test/resources/alembic-parity/cases}, whose expected answers
 * {@code generate.py} beside them got from Alembic. Each case's revisions are written as
 * SQL files named, as the script names Alembic's, {@code {position}_{revision}.sql}, so
 * both load them in the case's order.
 */
class AlembicParityTests {

	@TempDir
	Path directory;

	@TestFactory
	Stream<DynamicContainer> everyCaseOfTheCorpus() throws IOException {
		Path cases = cases();
		List<Path> files;
		try (Stream<Path> listing = Files.list(cases)) {
			files = listing.filter((file) -> file.toString().endsWith(".txt")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(19);
		return files.stream().map(this::container);
	}

	private DynamicContainer container(Path file) {
		String name = file.getFileName().toString().replace(".txt", "");
		Case parity = Case.read(file);
		Migrator migrator = migrator(name, parity.revisions());
		return DynamicContainer.dynamicContainer(name,
				parity.queries()
					.stream()
					.map((query) -> DynamicTest.dynamicTest(query.text(), () -> check(migrator, query))));
	}

	private static void check(Migrator migrator, Query query) {
		if (query.refused()) {
			assertThatExceptionOfType(MigrationsException.class).as("Alembic refused: %s", query.answer())
				.isThrownBy(() -> answer(migrator, query));
			return;
		}
		assertThat(answer(migrator, query)).isEqualTo(expected(query));
	}

	/** What Migrations answers, in the terms the expected file holds. */
	private static List<String> answer(Migrator migrator, Query query) {
		String[] words = query.text().split(" ");
		switch (words[0]) {
			case "history":
				return migrator.graph().history(null, Set.of()).stream().map(RevisionNode::id).toList();
			case "heads":
				return migrator.graph().heads();
			default:
				String start = words[1].substring(0, words[1].indexOf(':'));
				String target = words[1].substring(words[1].indexOf(':') + 1);
				StringWriter script = new StringWriter();
				if (words[0].equals("upgrade")) {
					migrator.renderUpgradeSql(start, target, script);
				}
				else {
					migrator.renderDowngradeSql(start, target, script);
				}
				return script.toString()
					.lines()
					.filter((line) -> line.startsWith("-- Running "))
					.map((line) -> line.substring(0, line.lastIndexOf(", revision ")))
					.toList();
		}
	}

	/**
	 * Alembic's answer: the revision ids of {@code history} ({@code down -> id (flags),
	 * message}) and {@code heads} ({@code id (flags)}) lines, the {@code -- Running}
	 * lines of scripts.
	 */
	private static List<String> expected(Query query) {
		return switch (query.text().split(" ")[0]) {
			case "history" -> query.answer().stream().map((line) -> {
				String revision = line.substring(line.indexOf(" -> ") + 4);
				return revision.split("[ ,]")[0];
			}).toList();
			case "heads" -> query.answer().stream().map((line) -> line.split(" ")[0]).toList();
			default -> query.answer();
		};
	}

	private Migrator migrator(String name, List<String[]> revisions) {
		Path location = this.directory.resolve(name);
		try {
			Files.createDirectories(location);
			for (int position = 0; position < revisions.size(); position++) {
				String[] revision = revisions.get(position);
				Files.writeString(location.resolve(String.format("%04d_%s.sql", position, revision[0])),
						sqlRevision(revision), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Migrator.create(MigrationsConfiguration.builder()
			.locations("filesystem:" + location)
			.databaseType(DatabaseType.POSTGRESQL)
			.build());
	}

	/** A revision of the case as an SQL file: id, down_revision, depends_on, labels. */
	private static String sqlRevision(String[] revision) {
		StringBuilder file = new StringBuilder("-- revision " + revision[0] + "\n--\n");
		file.append("-- revision: ").append(revision[0]).append('\n');
		file.append("-- down_revision: ").append(revision[1]).append('\n');
		if (!revision[2].isEmpty()) {
			file.append("-- depends_on: ").append(revision[2]).append('\n');
		}
		if (!revision[3].isEmpty()) {
			file.append("-- branch_labels: ").append(revision[3]).append('\n');
		}
		return file.append("\n-- +upgrade\n\n-- +downgrade\n").toString();
	}

	private static Path cases() {
		URL cases = Objects.requireNonNull(AlembicParityTests.class.getResource("/alembic-parity/cases"),
				"alembic-parity/cases on the test class path");
		try {
			return Path.of(cases.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One expected file: the graph (each revision as id, down, depends_on, labels). */
	private record Case(List<String[]> revisions, List<Query> queries) {

		static Case read(Path file) {
			List<String> lines;
			try {
				lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<String[]> revisions = new ArrayList<>();
			List<Query> queries = new ArrayList<>();
			String query = null;
			List<String> answer = new ArrayList<>();
			for (String line : lines) {
				if (line.startsWith("revision ")) {
					revisions.add(Arrays.stream(line.substring("revision ".length()).split("\\|", -1))
						.map(String::strip)
						.toArray(String[]::new));
				}
				else if (line.startsWith("> ")) {
					if (query != null) {
						queries.add(new Query(query, List.copyOf(answer)));
					}
					query = line.substring(2);
					answer.clear();
				}
				else if (query != null && !line.startsWith("#")) {
					answer.add(line);
				}
			}
			if (query != null) {
				queries.add(new Query(query, List.copyOf(answer)));
			}
			return new Case(revisions, queries);
		}

	}

	/** A query ({@code history}, {@code upgrade a:b --sql}, ...) and Alembic's answer. */
	private record Query(String text, List<String> answer) {

		boolean refused() {
			return this.answer.size() == 1 && this.answer.get(0).startsWith("! error: ");
		}

	}

}
