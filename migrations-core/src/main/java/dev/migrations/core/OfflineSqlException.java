package dev.migrations.core;

/**
 * A plan cannot be rendered as offline SQL because it contains a Java revision, whose
 * effects only exist when it runs. A comment in its place would yield a script recording
 * a revision as applied whose changes never happened, so rendering refuses instead.
 */
public class OfflineSqlException extends MigrationsException {

	private final String revision;

	public OfflineSqlException(String revision, String source) {
		super("Revision " + revision + " is a Java revision (" + source + "): offline SQL cannot show what Java "
				+ "code does", "Run it online, or render the plan up to the revision before it.", null);
		this.revision = revision;
	}

	public String revision() {
		return this.revision;
	}

}
