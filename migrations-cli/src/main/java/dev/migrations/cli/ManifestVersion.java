package dev.migrations.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: the {@code Implementation-Version} of the jar the
 * command line runs from, which the build writes into the manifest of
 * {@code migrations.jar}.
 */
final class ManifestVersion implements IVersionProvider {

	/** What is printed when the classes do not come from a jar with a version. */
	static final String UNKNOWN = "(version unknown: not run from a jar with a manifest)";

	@Override
	public String[] getVersion() {
		String version = MigrationsCli.class.getPackage().getImplementationVersion();
		return new String[] { "migrations " + ((version != null) ? version : UNKNOWN) };
	}

}
