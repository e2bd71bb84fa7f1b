package dev.migrations.benchmarks.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.migrations.core.LintFinding;
import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.Migrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code Migrator.lint} of every revision (what {@code migrations lint} without a
 * database does), warm: 1,000 revision files in a temporary directory, a chain of six to
 * eight statements each (tables, columns, indexes, foreign keys, checks, data), one in
 * ten with a {@code SET NOT NULL} decided from its ancestors. Each operation reads and
 * splits the files again and lints them; the revisions are loaded once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LintBenchmark {

	@Param({ "1000" })
	private int revisions;

	private Path directory = Path.of("");

	private Migrator migrator = Migrator.create(MigrationsConfiguration.builder().build());

	@Setup
	public void setUp() throws IOException {
		this.directory = Files.createTempDirectory("lint-benchmark");
		for (int i = 1; i <= this.revisions; i++) {
			Files.writeString(this.directory.resolve(String.format(Locale.ROOT, "%05d.sql", i)), revision(i));
		}
		this.migrator = Migrator
			.create(MigrationsConfiguration.builder().locations("filesystem:" + this.directory).build());
		List<LintFinding> findings = this.migrator.lint(List.of());
		if (findings.isEmpty()) {
			throw new IllegalStateException("The generated revisions should give findings");
		}
	}

	static String revision(int i) {
		String id = String.format(Locale.ROOT, "r%05d", i);
		String parent = (i == 1) ? "" : String.format(Locale.ROOT, "r%05d", i - 1);
		String table = "t" + i;
		String previous = "t" + Math.max(1, i - 1);
		StringBuilder sql = new StringBuilder();
		sql.append("-- Revision ")
			.append(i)
			.append("\n--\n-- revision: ")
			.append(id)
			.append("\n-- down_revision: ")
			.append(parent)
			.append("\n\n-- +upgrade\n");
		sql.append("CREATE TABLE ")
			.append(table)
			.append(" (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());\n");
		sql.append("CREATE INDEX ix_").append(table).append("_name ON ").append(table).append(" (name);\n");
		sql.append("ALTER TABLE ").append(previous).append(" ADD COLUMN note_").append(i).append(" text;\n");
		sql.append("CREATE INDEX ix_")
			.append(previous)
			.append('_')
			.append(i)
			.append(" ON ")
			.append(previous)
			.append(" (note_")
			.append(i)
			.append(");\n");
		sql.append("ALTER TABLE ")
			.append(previous)
			.append(" ADD CONSTRAINT fk_")
			.append(i)
			.append(" FOREIGN KEY (id) REFERENCES ")
			.append(table)
			.append(" (id) NOT VALID;\n");
		sql.append("INSERT INTO ").append(table).append(" (id, name) VALUES (1, 'it''s; fine'), (2, 'b');\n");
		sql.append("UPDATE ").append(previous).append(" SET note_").append(i).append(" = 'x' WHERE id < 100;\n");
		if (i % 10 == 0) {
			sql.append("ALTER TABLE ").append(previous).append(" ALTER COLUMN name SET NOT NULL;\n");
		}
		sql.append("\n-- +downgrade\nDROP TABLE ").append(table).append(";\n");
		return sql.toString();
	}

	@Benchmark
	public List<LintFinding> lintAll() {
		return this.migrator.lint(List.of());
	}

	@TearDown
	public void tearDown() {
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
