package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.internal.source.RevisionLoader;
import dev.migrations.core.internal.source.RevisionScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated workload in each tool's format, checked without a database. */
class WorkloadTests {

	@TempDir
	Path directory;

	@Test
	void revisionsCreateATableWithAnIndexAndTwoRows() {
		assertThat(new Workload.GeneratedRevision(7).upgradeSql()).isEqualTo(
				"CREATE TABLE t_7 (id bigint primary key, name text not null, created_at timestamptz default now());\n"
						+ "CREATE INDEX t_7_name ON t_7(name);\n"
						+ "INSERT INTO t_7 (id, name) VALUES (1,'a'),(2,'b');\n");
		assertThat(new Workload.GeneratedRevision(7, true).upgradeSql())
			.isEqualTo("CREATE TABLE t_7 (id bigint primary key, name varchar(100) not null, created_at timestamp(6) "
					+ "default current_timestamp(6));\n" + "CREATE INDEX t_7_name ON t_7(name);\n"
					+ "INSERT INTO t_7 (id, name) VALUES (1,'a'),(2,'b');\n");
		assertThat(Workload.of(2, true).revisions()).allSatisfy((revision) -> assertThat(revision.mariaDb()).isTrue());
	}

	@Test
	void withoutLastDropsTheLastRevision() {
		assertThat(Workload.of(3).withoutLast().revisions()).extracting(Workload.GeneratedRevision::index)
			.containsExactly(1, 2);
	}

	@Test
	void revisionIdsAreDistinctTwelveHexDigits() {
		List<String> ids = Workload.of(10_000)
			.revisions()
			.stream()
			.map(Workload.GeneratedRevision::revisionId)
			.toList();
		assertThat(ids).allMatch((id) -> id.matches("[0-9a-f]{12}")).doesNotHaveDuplicates();
	}

	@Test
	void migrationsLoadsTheFilesAsOneChain() throws IOException {
		new MigrationsAdapter().write(Workload.of(5), this.directory);
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.load(List.of("filesystem:" + this.directory));
		RevisionGraph graph = RevisionGraph.of(scripts.stream().map(RevisionScript::node).toList());
		assertThat(graph.heads()).containsExactly(new Workload.GeneratedRevision(5).revisionId());
		assertThat(scripts).hasSize(5).allMatch((script) -> script.checksum() != null);
	}

	@Test
	void flywayFilesAreVersionedMigrations() throws IOException {
		new FlywayAdapter().write(Workload.of(2), this.directory);
		assertThat(fileNames(this.directory)).containsExactly("V1__t_1.sql", "V2__t_2.sql");
	}

	@Test
	void liquibaseMasterChangelogIncludesOneFormattedSqlFilePerRevision() throws IOException {
		new LiquibaseAdapter().write(Workload.of(2), this.directory);
		assertThat(Files.readString(this.directory.resolve("db.changelog-master.yaml"), StandardCharsets.UTF_8))
			.isEqualTo("databaseChangeLog:\n" + "  - include:\n      file: changes/00001_t_1.sql\n"
					+ "      relativeToChangelogFile: true\n" + "  - include:\n      file: changes/00002_t_2.sql\n"
					+ "      relativeToChangelogFile: true\n");
		assertThat(Files.readString(this.directory.resolve("changes/00002_t_2.sql"), StandardCharsets.UTF_8))
			.startsWith("--liquibase formatted sql\n\n--changeset bench:t_2\nCREATE TABLE t_2 ")
			.endsWith("--rollback DROP TABLE t_2;\n");
	}

	@Test
	void floorFilesStartWithTheirVersion() throws IOException {
		new PlainJdbcFloor().write(Workload.of(2), this.directory);
		assertThat(fileNames(this.directory)).containsExactly("00001_t_1.sql", "00002_t_2.sql");
	}

	private static List<String> fileNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
