package dev.migrations.core;

/** The connection points at a database no dialect handles. */
public class UnsupportedDatabaseException extends MigrationsException {

	private final String productName;

	private final String productVersion;

	public UnsupportedDatabaseException(String productName, String productVersion) {
		super("Unsupported database: " + productName + " " + productVersion, "Migrations supports PostgreSQL and H2.",
				null);
		this.productName = productName;
		this.productVersion = productVersion;
	}

	public String productName() {
		return this.productName;
	}

	public String productVersion() {
		return this.productVersion;
	}

}
