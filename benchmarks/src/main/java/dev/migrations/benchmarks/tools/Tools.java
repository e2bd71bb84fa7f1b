package dev.migrations.benchmarks.tools;

import java.util.List;

/** The tools under comparison, the floor last. */
final class Tools {

	private Tools() {
	}

	/** New instances of every tool, in table order. */
	static List<MigrationTool> all() {
		return List.of(new MigrationsAdapter(), new FlywayAdapter(), new LiquibaseAdapter(), new PlainJdbcFloor());
	}

	/** The tool of that name. */
	static MigrationTool named(String name) {
		return all().stream()
			.filter((tool) -> tool.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No tool named '" + name + "'"));
	}

	/** A lowercase key for database and directory names, e.g. {@code jdbcfloor}. */
	static String key(MigrationTool tool) {
		return tool.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
	}

}
