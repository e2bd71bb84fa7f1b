package dev.migrations.benchmarks.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comparison's settings, from command-line options.
 *
 * @param sizes the numbers of revisions
 * @param warmups unrecorded runs before the measured ones
 * @param runs measured runs
 * @param server the PostgreSQL server
 * @param peers the peers measured beside Migrations and the floor, by name
 */
record Settings(List<Integer> sizes, int warmups, int runs, PostgresServer server, List<String> peers) {

	static final String USAGE = "Options: --sizes 100,1000 --warmups 1 --runs 7 "
			+ "--url jdbc:postgresql://127.0.0.1:5432/ --user postgres --password '' --peers Flyway,Liquibase "
			+ "(--peers none: Migrations and the floor only)";

	Settings {
		sizes = List.copyOf(sizes);
		peers = List.copyOf(peers);
		if (sizes.isEmpty() || sizes.stream().anyMatch((size) -> size < 2)) {
			throw new IllegalArgumentException("--sizes must name sizes of at least 2, not " + sizes);
		}
		if (warmups < 0 || runs < 1) {
			throw new IllegalArgumentException(
					"--warmups must be at least 0 and --runs at least 1, not " + warmups + " and " + runs);
		}
		if (!server.baseUrl().endsWith("/")) {
			throw new IllegalArgumentException("--url must end with '/' (no database name), not " + server.baseUrl());
		}
	}

	/** Parses {@code --name value} pairs; every option has a default. */
	static Settings parse(String... args) {
		List<Integer> sizes = List.of(100, 1000);
		int warmups = 1;
		int runs = 7;
		String url = "jdbc:postgresql://127.0.0.1:5432/";
		String user = "postgres";
		String password = "";
		List<String> peers = List.of("Flyway", "Liquibase");
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("Options come in pairs. " + USAGE);
		}
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--sizes" -> sizes = parseSizes(value);
				case "--warmups" -> warmups = Integer.parseInt(value);
				case "--runs" -> runs = Integer.parseInt(value);
				case "--url" -> url = value;
				case "--user" -> user = value;
				case "--password" -> password = value;
				case "--peers" -> peers = value.equals("none") ? List.of() : List.of(value.split(","));
				default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. " + USAGE);
			}
		}
		return new Settings(sizes, warmups, runs, new PostgresServer(url, user, password), peers);
	}

	static List<Integer> parseSizes(String value) {
		List<Integer> sizes = new ArrayList<>();
		Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).forEach(sizes::add);
		return sizes;
	}

}
