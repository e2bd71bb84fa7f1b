package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * The {@code --sql} mode of {@code upgrade}, {@code downgrade} and {@code stamp}: the
 * script goes to standard output, the {@code Running upgrade ...} lines to standard
 * error. With {@code START:TARGET} no database is touched; without a start the current
 * heads are read from the database, and an upgrade without a database starts at base (as
 * Alembic's offline mode does).
 */
final class OfflineSql {

	private final MigratorFactory migrators;

	private final ConsoleLog log;

	private final PrintWriter out;

	OfflineSql(MigratorFactory migrators, ConsoleLog log, PrintWriter out) {
		this.migrators = migrators;
		this.log = log;
		this.out = out;
	}

	void upgrade(String argument) {
		Range range = Range.parse(argument);
		@Nullable String start = range.start();
		if (start == null && !this.migrators.hasDatabase()) {
			this.log.info("No database given: the script starts at base (give START:TARGET to choose)");
			start = "base";
		}
		StringWriter sql = new StringWriter();
		RunResult script = migrator(start).renderUpgradeSql(start, range.target(), sql);
		script.steps().forEach((step) -> this.log.step(step.step()));
		print(sql);
	}

	void downgrade(String argument) {
		Range range = Range.parse(argument);
		requireStart(range.start(), "downgrade", "heads:base");
		StringWriter sql = new StringWriter();
		RunResult script = migrator(range.start()).renderDowngradeSql(range.start(), range.target(), sql);
		script.steps().forEach((step) -> this.log.step(step.step()));
		print(sql);
	}

	/**
	 * Renders a stamp; each target may carry the start ({@code base:heads}), the same for
	 * all.
	 */
	void stamp(List<String> arguments, boolean purge) {
		List<Range> ranges = arguments.stream().map(Range::parse).toList();
		@Nullable String start = ranges.get(0).start();
		if (ranges.stream().anyMatch((range) -> !Objects.equals(range.start(), ranges.get(0).start()))) {
			throw new UsageException(
					"Every target of 'stamp --sql' must name the same start, as in base:a1b2 base:c3d4");
		}
		requireStart(start, "stamp", "base:heads");
		List<String> targets = ranges.stream().map(Range::target).toList();
		StringWriter sql = new StringWriter();
		RunResult script = migrator(start).renderStampSql(start, targets, purge, sql);
		this.log.stamp(script.fromHeads(), script.toHeads());
		print(sql);
	}

	private void requireStart(@Nullable String start, String command, String example) {
		if (start == null && !this.migrators.hasDatabase()) {
			throw new UsageException("'" + command + " --sql' needs the revisions to start from: give START:TARGET"
					+ " (e.g. " + example + "), or a database to read the current heads from (--url)");
		}
	}

	private Migrator migrator(@Nullable String start) {
		return (start != null) ? this.migrators.offline(this.log) : this.migrators.online(this.log);
	}

	private void print(StringWriter sql) {
		this.out.print(sql);
		this.out.flush();
	}

	/**
	 * A target, optionally with the revisions to start from: {@code [START:]TARGET}.
	 *
	 * @param start where the script starts; {@code null} for the database's heads
	 * @param target where it ends
	 */
	record Range(@Nullable String start, String target) {

		static Range parse(String argument) {
			int colon = argument.indexOf(':');
			if (colon < 0) {
				return new Range(null, argument);
			}
			String start = argument.substring(0, colon);
			String target = argument.substring(colon + 1);
			if (target.isEmpty() || target.indexOf(':') >= 0) {
				throw new UsageException(
						"'" + argument + "' is not START:TARGET; write e.g. base:heads, heads:base or a1b2:c3d4");
			}
			return new Range(start.isEmpty() ? "base" : start, target);
		}

		/** Whether the argument names a start, which only {@code --sql} takes. */
		static boolean hasStart(String argument) {
			return argument.indexOf(':') >= 0;
		}

	}

}
