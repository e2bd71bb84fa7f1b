package dev.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of every Markdown file of the repository resolves inside it, and
 * every {@code #anchor} to a heading: the documentation a user clones is complete.
 */
class MarkdownLinksTests {

	@Test
	void everyRelativeLinkOfTheRepositoryResolvesInsideIt() {
		MarkdownLinks links = new MarkdownLinks(repositoryRoot());
		List<Path> files = links.markdownFiles();
		assertThat(files).extracting((file) -> repositoryRoot().relativize(file).toString().replace('\\', '/'))
			.contains("README.md", "docs/README.md", "benchmarks/README.md");
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			problems.addAll(links.problems(file));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void brokenFilesAnchorsAndLinksLeavingTheRepositoryAreReported(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("docs"));
		Files.writeString(root.resolve("docs/guide.md"), """
				# The guide

				## Health, readiness and `GET /actuator/migrations`

				## Health, readiness and `GET /actuator/migrations`
				""");
		Files.writeString(root.resolve("README.md"),
				"""
						# Readme

						See [the guide](docs/guide.md), [its health part](docs/guide.md#health-readiness-and-get-actuatormigrations),
						[the second](docs/guide.md#health-readiness-and-get-actuatormigrations-1) and [up](#readme).
						Broken: [missing](docs/missing.md), [anchor](docs/guide.md#nowhere), [outside](../shared/PRODUCT.md),
						[own anchor](#nothing). Not followed: [web](https://example.com/x.md), `[code](nowhere.md)`.

						```
						[in a block](nowhere.md)
						```
						""");

		List<String> problems = new MarkdownLinks(root).problems(root.resolve("README.md"));

		assertThat(problems).containsExactly("README.md:5: docs/missing.md: no such file or directory",
				"README.md:5: docs/guide.md#nowhere: no heading with the anchor #nowhere in docs/guide.md",
				"README.md:5: ../shared/PRODUCT.md: points outside the repository",
				"README.md:6: #nothing: no heading with the anchor #nothing in README.md");
	}

	@Test
	void anchorsAreMadeAsGitHubMakesThem() {
		assertThat(MarkdownLinks.anchors(List.of("# Migrations", "## The endpoint: `GET /actuator/migrations`",
				"### A session, with real output", "## Tests", "```", "## Tests", "```", "## Tests",
				"## `migrations_applied` and [links](x.md)")))
			.containsExactly("migrations", "the-endpoint-get-actuatormigrations", "a-session-with-real-output", "tests",
					"tests-1", "migrations_applied-and-links");
	}

	/** The directory holding {@code mvnw}, above the module the tests run in. */
	private static Path repositoryRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("the repository root (a directory holding mvnw) above the working directory")
			.isNotNull();
		return directory;
	}

}
