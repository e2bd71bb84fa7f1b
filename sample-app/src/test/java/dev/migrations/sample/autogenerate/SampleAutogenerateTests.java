package dev.migrations.sample.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.core.catalog.Catalog;
import dev.migrations.sample.SampleApplication;
import dev.migrations.sample.todo.User;
import dev.migrations.sample.todo.UserPreferences;
import dev.migrations.samplemodel.TaskWithDueDate;
import dev.migrations.testsupport.PostgresDatabase;
import dev.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's entities against its revisions on PostgreSQL: autogenerate finds nothing
 * (the entities declare the indexes and foreign keys the revisions create); with one
 * field more on {@code Task} it writes exactly one {@code ADD COLUMN}, and its
 * {@code DROP COLUMN} in the downgrade. The application's database is never touched.
 */
@PostgresDatabase
@ExtendWith(OutputCaptureExtension.class)
class SampleAutogenerateTests {

	@Test
	void theEntitiesMatchTheRevisions(TestDatabase database, @TempDir Path revisions, CapturedOutput output)
			throws Exception {
		autogenerate(database, revisions, new String[0], SampleApplication.class);
		assertThat(output).contains("No changes in schema detected.");
		assertThat(files(revisions)).isEmpty();
		assertThat(tables(database)).as("the application's database is untouched").isEmpty();
	}

	@Test
	void oneMoreFieldOnTaskIsOneAddColumnAndItsDropColumn(TestDatabase database, @TempDir Path revisions,
			CapturedOutput output) throws Exception {
		autogenerate(database, revisions,
				new String[] { "spring.main.lazy-initialization=true", "spring.data.jpa.repositories.enabled=false" },
				SampleApplication.class, TaskWithDueDateModel.class);
		List<Path> files = files(revisions);
		assertThat(files).hasSize(1);
		assertThat(output).contains("Generated " + files.get(0));
		String text = Files.readString(files.get(0));
		assertThat(text).contains("-- Add a due date\n", "-- down_revision: d9e0f1a2b3c4\n");
		String upgrade = text.substring(text.indexOf("-- +upgrade\n"), text.indexOf("-- +downgrade\n"));
		String downgrade = text.substring(text.indexOf("-- +downgrade\n"));
		assertThat(statements(upgrade)).containsExactly("ALTER TABLE tasks ADD COLUMN due_date date;");
		assertThat(statements(downgrade)).containsExactly("ALTER TABLE tasks DROP COLUMN due_date;");
		assertThat(tables(database)).as("the application's database is untouched").isEmpty();
	}

	private static void autogenerate(TestDatabase database, Path revisions, String[] properties, Class<?>... sources) {
		new SpringApplicationBuilder(sources).properties(properties)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
					"--migrations.autogenerate.message=Add a due date",
					"--migrations.autogenerate.directory=" + revisions, "--migrations.autogenerate.exit=false")
			.close();
	}

	private static List<String> statements(String section) {
		return section.lines().filter((line) -> !line.isBlank() && !line.startsWith("--")).toList();
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

	private static List<String> tables(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return Catalog.read(connection).tables().stream().map(Catalog.Table::name).toList();
		}
	}

	/**
	 * The sample's entities with {@link TaskWithDueDate} in place of its Task (the
	 * repositories, which need Task, are not created).
	 */
	@Configuration(proxyBeanMethods = false)
	static class TaskWithDueDateModel {

		@Bean
		PersistenceManagedTypes persistenceManagedTypes() {
			return PersistenceManagedTypes.of(User.class.getName(), UserPreferences.class.getName(),
					TaskWithDueDate.class.getName());
		}

	}

}
