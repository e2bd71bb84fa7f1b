package dev.migrations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes SQL revision files into a folder for tests. */
final class RevisionFiles {

	private final Path directory;

	RevisionFiles(Path directory) {
		this.directory = directory;
	}

	/** The folder as a location: {@code filesystem:<absolute path>}. */
	String location() {
		return "filesystem:" + this.directory;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Writes {@code <file>.sql}.
	 * @param header the header lines after the message, e.g. {@code revision: 001}
	 */
	RevisionFiles write(String file, String message, String upgrade, String downgrade, String... header) {
		StringBuilder content = new StringBuilder("-- ").append(message).append("\n--\n");
		for (String line : header) {
			content.append("-- ").append(line).append('\n');
		}
		content.append("\n-- +upgrade\n").append(upgrade).append("\n\n-- +downgrade\n").append(downgrade).append('\n');
		try {
			Files.writeString(this.directory.resolve(file + ".sql"), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * The seeds' schema: {@code 001} initial schema, {@code 002} user preferences on it.
	 */
	RevisionFiles seeds() {
		return write("001_initial_schema", "initial schema",
				"CREATE TABLE users (id SERIAL PRIMARY KEY, email TEXT NOT NULL);\n"
						+ "CREATE TABLE tasks (id SERIAL PRIMARY KEY, user_id INT NOT NULL REFERENCES users(id));",
				"DROP TABLE tasks;\nDROP TABLE users;", "revision: 001")
			.write("002_user_preferences", "Add user preferences table",
					"CREATE TABLE user_preferences (id SERIAL PRIMARY KEY, user_id INT NOT NULL REFERENCES users(id));",
					"DROP TABLE user_preferences;", "revision: 002", "down_revision: 001");
	}

	/**
	 * {@link #seeds()} and two branches on {@code 002}: {@code 003} and {@code 004}
	 * (labelled {@code tags}), merged by {@code 005}.
	 */
	RevisionFiles branched() {
		return seeds()
			.write("003_task_index", "Add task index", "CREATE INDEX ix_tasks_user_id ON tasks (user_id);",
					"DROP INDEX ix_tasks_user_id;", "revision: 003", "down_revision: 002")
			.write("004_tags", "Add tags", "CREATE TABLE tags (id SERIAL PRIMARY KEY, name TEXT NOT NULL);",
					"DROP TABLE tags;", "revision: 004", "down_revision: 002", "branch_labels: tags")
			.write("005_merge", "merge task index and tags", "", "", "revision: 005", "down_revision: 003, 004");
	}

}
