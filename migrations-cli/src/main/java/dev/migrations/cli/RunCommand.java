package dev.migrations.cli;

import dev.migrations.core.Migrator;
import dev.migrations.core.RunResult;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: a run to a target, logged per
 * revision, or its SQL with {@code --sql}.
 */
abstract class RunCommand extends MigratorCommand {

	@Option(names = "--sql", description = "write the SQL it would run to standard output instead of running it")
	boolean sql;

	@Override
	public final Integer call() {
		String target = target();
		if (this.sql) {
			render(new OfflineSql(migrators(), log(), out()), target);
			return 0;
		}
		requireNoStart(target);
		RunResult result = run(online(), target);
		if (result.steps().isEmpty()) {
			log().info("Nothing to " + result.operation().columnValue() + ": the database is at "
					+ RevisionFormat.heads(result.toHeads()));
		}
		return 0;
	}

	/** The target as given, possibly {@code START:TARGET} with {@code --sql}. */
	abstract String target();

	abstract void render(OfflineSql sql, String target);

	abstract RunResult run(Migrator migrator, String target);

}
