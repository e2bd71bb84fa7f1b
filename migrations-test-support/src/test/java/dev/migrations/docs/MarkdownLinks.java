package dev.migrations.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the links of the repository's Markdown files and checks that each relative one
 * resolves: to a file or directory inside the repository and, with a {@code #fragment},
 * to a heading of the Markdown file it names (its anchor as GitHub makes it). Links with
 * a scheme ({@code https:}, {@code mailto:}) are not followed. Text in code blocks and
 * code spans is not Markdown, so links there are ignored.
 */
final class MarkdownLinks {

	private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

	private static final Pattern INLINE_LINK = Pattern
		.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");

	private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	private final Path root;

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	MarkdownLinks(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** Markdown files of the repository, build output and hidden directories left out. */
	List<Path> markdownFiles() {
		try (Stream<Path> files = Files.walk(this.root)) {
			return files.filter((path) -> path.toString().endsWith(".md"))
				.filter((path) -> Files.isRegularFile(path))
				.filter((path) -> !ignored(this.root.relativize(path)))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean ignored(Path relative) {
		for (Path part : relative) {
			String name = part.toString();
			if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The problems of one file's links, each as {@code file:line: link: what is wrong}.
	 */
	List<String> problems(Path file) {
		List<String> problems = new ArrayList<>();
		for (Link link : links(lines(file))) {
			String problem = check(file, link.target());
			if (problem != null) {
				problems.add(this.root.relativize(file) + ":" + link.line() + ": " + link.target() + ": " + problem);
			}
		}
		return problems;
	}

	private String check(Path file, String target) {
		if (target.isEmpty() || SCHEME.matcher(target).find()) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String fragment = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = file;
		if (!path.isEmpty()) {
			String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
			resolved = (decoded.startsWith("/") ? this.root.resolve(decoded.substring(1))
					: file.getParent().resolve(decoded))
				.normalize();
			if (!resolved.startsWith(this.root)) {
				return "points outside the repository";
			}
			if (!Files.exists(resolved)) {
				return "no such file or directory";
			}
		}
		if (fragment != null && resolved.toString().endsWith(".md") && Files.isRegularFile(resolved)) {
			Set<String> known = this.anchors.computeIfAbsent(resolved, (markdown) -> anchors(lines(markdown)));
			if (!known.contains(fragment)) {
				return "no heading with the anchor #" + fragment + " in " + this.root.relativize(resolved);
			}
		}
		return null;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The links of a Markdown text outside code, with their line numbers. */
	static List<Link> links(List<String> lines) {
		List<Link> links = new ArrayList<>();
		for (Line line : prose(lines)) {
			String text = CODE_SPAN.matcher(line.text()).replaceAll("");
			Matcher definition = REFERENCE_DEFINITION.matcher(text);
			if (definition.find()) {
				links.add(new Link(line.number(), definition.group(1)));
				continue;
			}
			Matcher inline = INLINE_LINK.matcher(text);
			while (inline.find()) {
				links.add(new Link(line.number(), inline.group(2)));
			}
		}
		return links;
	}

	/**
	 * The anchors GitHub gives the headings of a Markdown text: the heading's text
	 * lowercased, without punctuation, spaces as hyphens; a repeated one gets {@code -1},
	 * {@code -2}, ...
	 */
	static Set<String> anchors(List<String> lines) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Line line : prose(lines)) {
			Matcher heading = HEADING.matcher(line.text());
			if (heading.matches()) {
				String slug = slug(heading.group(2));
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
		StringBuilder slug = new StringBuilder();
		text.toLowerCase(Locale.ROOT).codePoints().forEach((c) -> {
			if (c == ' ') {
				slug.append('-');
			}
			else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
				slug.appendCodePoint(c);
			}
		});
		return slug.toString();
	}

	/** The lines outside fenced code blocks. */
	private static List<Line> prose(List<String> lines) {
		List<Line> prose = new ArrayList<>();
		String fence = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher opening = FENCE.matcher(line);
			if (fence == null && opening.find()) {
				fence = opening.group(1);
			}
			else if (fence != null) {
				if (line.strip().startsWith(fence)
						&& line.strip().replace(String.valueOf(fence.charAt(0)), "").isEmpty()) {
					fence = null;
				}
			}
			else {
				prose.add(new Line(i + 1, line));
			}
		}
		return prose;
	}

	record Link(int line, String target) {
	}

	private record Line(int number, String text) {
	}

}
