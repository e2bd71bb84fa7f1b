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

	/**
	 * Migrations, the named peers and the floor, in table order.
	 * @throws IllegalArgumentException for an unknown peer
	 */
	static List<MigrationTool> withPeers(List<String> peers) {
		List<MigrationTool> all = all();
		List<MigrationTool> chosen = new java.util.ArrayList<>();
		chosen.add(all.get(0));
		for (MigrationTool peer : all.subList(1, all.size() - 1)) {
			if (peers.contains(peer.name())) {
				chosen.add(peer);
			}
		}
		if (chosen.size() != peers.size() + 1) {
			throw new IllegalArgumentException("--peers names " + peers + "; the peers are "
					+ all.subList(1, all.size() - 1).stream().map(MigrationTool::name).toList());
		}
		chosen.add(all.get(all.size() - 1));
		return chosen;
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
