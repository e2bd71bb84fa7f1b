package dev.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.core.LintFinding;
import dev.migrations.core.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code migrations lint [REV...]}: prints the findings of the revision linter as
 * {@code path:line: rule-id: message — safe alternative} and exits 1 when an error-level
 * rule fires. Without revisions it lints the pending revisions when a database is
 * configured, else all revisions. {@code --json} prints the findings as JSON instead.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
		description = {
				"Find changes that block a busy PostgreSQL or break the running release, with the safe way "
						+ "to write them.",
				"Lints the given revisions; by default the pending ones when a database is "
						+ "configured, else all. Exits 1 when an error-level rule fires." })
final class LintCommand extends MigratorCommand {

	@Parameters(arity = "0..*", paramLabel = "REV", description = "revisions to lint (ids, heads, label@head, ...)")
	List<String> revisions = new ArrayList<>();

	@Mixin
	OutputOptions.JsonFormat json = new OutputOptions.JsonFormat();

	@Override
	public Integer call() {
		boolean pending = this.revisions.isEmpty() && migrators().hasDatabase();
		Migrator migrator = pending ? online() : offline();
		List<LintFinding> findings = pending ? migrator.lintPending() : migrator.lint(this.revisions);
		long errors = findings.stream().filter((finding) -> finding.severity() == LintFinding.Severity.ERROR).count();
		long warnings = findings.size() - errors;
		if (this.json.enabled) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("findings", findings.stream().map(LintCommand::json).toList());
			result.put("errors", errors);
			result.put("warnings", warnings);
			Json.print(result, out());
		}
		else {
			findings.forEach((finding) -> out().println(finding.format()));
		}
		String scope = pending ? "the pending revisions"
				: this.revisions.isEmpty() ? "all revisions" : String.join(", ", this.revisions);
		if (errors > 0) {
			throw new LintFailedException(errors, warnings, scope);
		}
		log().info(findings.isEmpty() ? "No findings in " + scope : warnings + " warning(s), no errors in " + scope);
		return 0;
	}

	private static Map<String, Object> json(LintFinding finding) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", finding.revision());
		json.put("source", finding.source());
		json.put("line", finding.line());
		json.put("rule", finding.rule());
		json.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
		json.put("lock", finding.lock());
		json.put("message", finding.message());
		json.put("safeAlternative", finding.safeAlternative());
		return json;
	}

	/** Error-level findings were printed. */
	static final class LintFailedException extends RuntimeException {

		LintFailedException(long errors, long warnings, String scope) {
			super("lint found " + errors + " error(s) and " + warnings + " warning(s) in " + scope);
		}

	}

}
