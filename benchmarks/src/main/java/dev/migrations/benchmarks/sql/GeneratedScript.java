package dev.migrations.benchmarks.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large data revision file: mostly one-line inserts with quoted strings holding
 * semicolons, and every so often a comment, a multi-line statement with an {@code E''}
 * string, and a dollar-quoted {@code DO} block.
 */
final class GeneratedScript {

	private GeneratedScript() {
	}

	/**
	 * Writes the script.
	 * @param file the file to write
	 * @param size the size to reach, in bytes
	 * @return the number of statements in the upgrade section
	 */
	static long write(Path file, long size) throws IOException {
		long statements = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("-- Generated data\n-- revision: data001\n-- down_revision: None\n\n-- +upgrade\n");
			StringBuilder line = new StringBuilder(512);
			long written = 0;
			for (long i = 1; written < size; i++) {
				line.setLength(0);
				if (i % 500 == 0) {
					line.append("-- batch ").append(i / 500).append("; a comment with a semicolon\n");
				}
				if (i % 1000 == 0) {
					line.append("DO $body$\nBEGIN\n    PERFORM pg_notify('progress', '")
						.append(i)
						.append("; done');\n    RAISE NOTICE 'batch %', ")
						.append(i)
						.append(";\nEND\n$body$;\n");
				}
				else if (i % 100 == 0) {
					line.append("UPDATE tasks\n   SET description = E'line one\\nit\\'s line two; ")
						.append(i)
						.append("'\n /* keep; */ WHERE id = ")
						.append(i - 1)
						.append(";\n");
				}
				else {
					line.append("INSERT INTO tasks (id, user_id, title, description, done) VALUES (")
						.append(i)
						.append(", ")
						.append(i % 977)
						.append(", 'Task ")
						.append(i)
						.append("', 'It''s task number ")
						.append(i)
						.append("; with a semicolon', false);\n");
				}
				statements++;
				out.append(line);
				written += line.length();
			}
			out.write("\n-- +downgrade\nTRUNCATE tasks;\n");
		}
		return statements;
	}

}
