package dev.migrations.cli;

import java.util.Set;

import dev.migrations.core.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrations show REV}: the revisions an identifier names, in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Show the revision(s) REV names in full (no database needed unless REV is current or relative).")
final class ShowCommand extends MigratorCommand {

	@Parameters(paramLabel = "REV", description = "an id, a unique prefix, head, heads, <label>@head, current, ...")
	String revision = "";

	@Override
	public Integer call() {
		boolean database = Identifiers.needDatabase(this.revision);
		Migrator migrator = database ? online() : offline();
		Set<String> applied = database ? applied(migrator.status()) : Set.of();
		RevisionFormat format = new RevisionFormat(migrator, null);
		for (String id : migrator.graph().resolve(this.revision, applied)) {
			out().println(format.verbose(migrator.graph().find(id).orElseThrow()));
		}
		return 0;
	}

}
