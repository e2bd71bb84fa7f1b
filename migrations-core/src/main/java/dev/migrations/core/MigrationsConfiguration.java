package dev.migrations.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link Migrator}: immutable, built with {@link #builder()}, validated
 * when built. Defaults are the {@code DEFAULT_*} constants.
 */
public final class MigrationsConfiguration {

	/** Where revisions are found by default. */
	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/** Default table of applied revisions. */
	public static final String DEFAULT_VERSION_TABLE = "migrations_applied";

	/** Default table of the operation history. */
	public static final String DEFAULT_HISTORY_TABLE = "migrations_history";

	/**
	 * How long a run waits for another instance's run by default: ten minutes, long
	 * enough for a large index build, short enough that a hung holder is reported.
	 */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * How long a statement whose lock blocks the application's queries may wait for that
	 * lock on PostgreSQL ({@code lock_timeout}) by default: two seconds, so a migration
	 * queued behind a long transaction never holds up the application for longer.
	 */
	public static final Duration DEFAULT_DDL_LOCK_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * How long a revision is retried after lock timeouts by default (with backoff and
	 * jitter) before it fails: five minutes.
	 */
	public static final Duration DEFAULT_DDL_RETRY_BUDGET = Duration.ofMinutes(5);

	public static final TransactionMode DEFAULT_TRANSACTION_MODE = TransactionMode.PER_REVISION;

	public static final boolean DEFAULT_VALIDATE_CHECKSUMS = true;

	public static final UnknownRevisionPolicy DEFAULT_ON_UNKNOWN_REVISION = UnknownRevisionPolicy.WARN;

	/**
	 * Identifiers (schema and table names): a letter or {@code _}, then letters, digits
	 * and {@code _}, 63 characters at most (PostgreSQL's limit). They are always quoted,
	 * so their case is kept.
	 */
	public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private final @Nullable DataSource dataSource;

	private final @Nullable DataSource migrationDataSource;

	private final List<String> locations;

	private final List<JavaRevision> javaRevisions;

	private final ClassLoader classLoader;

	private final @Nullable String schema;

	private final String versionTable;

	private final String historyTable;

	private final Duration lockTimeout;

	private final Duration ddlLockTimeout;

	private final Duration ddlRetryBudget;

	private final @Nullable Duration statementTimeout;

	private final TransactionMode transactionMode;

	private final boolean validateChecksums;

	private final UnknownRevisionPolicy onUnknownRevision;

	private final List<MigrationListener> listeners;

	private final @Nullable DatabaseType databaseType;

	private MigrationsConfiguration(Builder builder) {
		this.dataSource = builder.dataSource;
		this.migrationDataSource = builder.migrationDataSource;
		this.locations = List.copyOf(builder.locations);
		this.javaRevisions = List.copyOf(builder.javaRevisions);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader : defaultClassLoader();
		this.schema = builder.schema;
		this.versionTable = builder.versionTable;
		this.historyTable = builder.historyTable;
		this.lockTimeout = builder.lockTimeout;
		this.ddlLockTimeout = builder.ddlLockTimeout;
		this.ddlRetryBudget = builder.ddlRetryBudget;
		this.statementTimeout = builder.statementTimeout;
		this.transactionMode = builder.transactionMode;
		this.validateChecksums = builder.validateChecksums;
		this.onUnknownRevision = builder.onUnknownRevision;
		this.listeners = List.copyOf(builder.listeners);
		this.databaseType = builder.databaseType;
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		return (context != null) ? context : MigrationsConfiguration.class.getClassLoader();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this configuration's settings, to derive a changed copy (what a
	 * customizer does).
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.dataSource = this.dataSource;
		builder.migrationDataSource = this.migrationDataSource;
		builder.locations = new ArrayList<>(this.locations);
		builder.javaRevisions = new ArrayList<>(this.javaRevisions);
		builder.classLoader = this.classLoader;
		builder.schema = this.schema;
		builder.versionTable = this.versionTable;
		builder.historyTable = this.historyTable;
		builder.lockTimeout = this.lockTimeout;
		builder.ddlLockTimeout = this.ddlLockTimeout;
		builder.ddlRetryBudget = this.ddlRetryBudget;
		builder.statementTimeout = this.statementTimeout;
		builder.transactionMode = this.transactionMode;
		builder.validateChecksums = this.validateChecksums;
		builder.onUnknownRevision = this.onUnknownRevision;
		builder.listeners = new ArrayList<>(this.listeners);
		builder.databaseType = this.databaseType;
		return builder;
	}

	/** The application's data source; {@code null} when only offline SQL is rendered. */
	public @Nullable DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * A data source with the rights to change the schema, used for upgrade, downgrade,
	 * stamp and repair instead of {@link #dataSource()}; {@code null} for none.
	 */
	public @Nullable DataSource migrationDataSource() {
		return this.migrationDataSource;
	}

	/**
	 * Where revisions are found: {@code classpath:path} or {@code filesystem:path}; no
	 * prefix means {@code classpath:}.
	 */
	public List<String> locations() {
		return this.locations;
	}

	/**
	 * Java revisions given as instances (Spring beans), beside those found in locations.
	 */
	public List<JavaRevision> javaRevisions() {
		return this.javaRevisions;
	}

	/** The class loader for {@code classpath:} locations. */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * The schema of the state tables; {@code null} for the connection's current schema.
	 * Created when missing.
	 */
	public @Nullable String schema() {
		return this.schema;
	}

	/** Name of the table of applied revisions. */
	public String versionTable() {
		return this.versionTable;
	}

	/** Name of the table of operation history. */
	public String historyTable() {
		return this.historyTable;
	}

	/** How long a run waits for the migration lock; zero tries once. */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * The {@code lock_timeout} of statements whose lock blocks the application's queries
	 * (PostgreSQL); zero leaves {@code lock_timeout} alone and never retries.
	 */
	public Duration ddlLockTimeout() {
		return this.ddlLockTimeout;
	}

	/**
	 * How long a revision is retried after lock timeouts before it fails; zero fails at
	 * the first.
	 */
	public Duration ddlRetryBudget() {
		return this.ddlRetryBudget;
	}

	/**
	 * The {@code statement_timeout} of the statements of revisions (PostgreSQL);
	 * {@code null}, the default, leaves it alone.
	 */
	public @Nullable Duration statementTimeout() {
		return this.statementTimeout;
	}

	public TransactionMode transactionMode() {
		return this.transactionMode;
	}

	/** Whether runs refuse when an applied revision's upgrade changed. */
	public boolean validateChecksums() {
		return this.validateChecksums;
	}

	public UnknownRevisionPolicy onUnknownRevision() {
		return this.onUnknownRevision;
	}

	public List<MigrationListener> listeners() {
		return this.listeners;
	}

	/**
	 * The database offline SQL is written for; {@code null} for PostgreSQL. Online runs
	 * always detect the database from the connection.
	 */
	public @Nullable DatabaseType databaseType() {
		return this.databaseType;
	}

	/** Collects settings; {@link #build()} validates them. Not thread-safe. */
	public static final class Builder {

		private @Nullable DataSource dataSource;

		private @Nullable DataSource migrationDataSource;

		private List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

		private List<JavaRevision> javaRevisions = new ArrayList<>();

		private @Nullable ClassLoader classLoader;

		private @Nullable String schema;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Duration ddlLockTimeout = DEFAULT_DDL_LOCK_TIMEOUT;

		private Duration ddlRetryBudget = DEFAULT_DDL_RETRY_BUDGET;

		private @Nullable Duration statementTimeout;

		private TransactionMode transactionMode = DEFAULT_TRANSACTION_MODE;

		private boolean validateChecksums = DEFAULT_VALIDATE_CHECKSUMS;

		private UnknownRevisionPolicy onUnknownRevision = DEFAULT_ON_UNKNOWN_REVISION;

		private List<MigrationListener> listeners = new ArrayList<>();

		private @Nullable DatabaseType databaseType;

		private Builder() {
		}

		public Builder dataSource(@Nullable DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder migrationDataSource(@Nullable DataSource migrationDataSource) {
			this.migrationDataSource = migrationDataSource;
			return this;
		}

		/** Replaces the locations. */
		public Builder locations(List<String> locations) {
			this.locations = new ArrayList<>(locations);
			return this;
		}

		/** Replaces the locations. */
		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		/** Replaces the Java revision instances. */
		public Builder javaRevisions(List<? extends JavaRevision> javaRevisions) {
			this.javaRevisions = new ArrayList<>(javaRevisions);
			return this;
		}

		public Builder classLoader(@Nullable ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder schema(@Nullable String schema) {
			this.schema = schema;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder ddlLockTimeout(Duration ddlLockTimeout) {
			this.ddlLockTimeout = ddlLockTimeout;
			return this;
		}

		public Builder ddlRetryBudget(Duration ddlRetryBudget) {
			this.ddlRetryBudget = ddlRetryBudget;
			return this;
		}

		/** {@code null} leaves {@code statement_timeout} alone. */
		public Builder statementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder onUnknownRevision(UnknownRevisionPolicy onUnknownRevision) {
			this.onUnknownRevision = onUnknownRevision;
			return this;
		}

		/** Adds a listener. */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/** Replaces the listeners. */
		public Builder listeners(List<? extends MigrationListener> listeners) {
			this.listeners = new ArrayList<>(listeners);
			return this;
		}

		public Builder databaseType(@Nullable DatabaseType databaseType) {
			this.databaseType = databaseType;
			return this;
		}

		/**
		 * Validates the settings and returns the configuration.
		 * @throws InvalidConfigurationException naming the first bad setting and value
		 */
		public MigrationsConfiguration build() {
			validateLocations();
			requireNonNullElements("javaRevisions", this.javaRevisions);
			requireNonNullElements("listeners", this.listeners);
			if (this.schema != null) {
				validateIdentifier("schema", this.schema);
			}
			validateIdentifier("versionTable", this.versionTable);
			validateIdentifier("historyTable", this.historyTable);
			if (this.versionTable.equalsIgnoreCase(this.historyTable)) {
				throw new InvalidConfigurationException("historyTable", this.historyTable,
						"it must differ from versionTable");
			}
			if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
				throw new InvalidConfigurationException("lockTimeout", this.lockTimeout,
						"it must be zero (try once) or positive");
			}
			requireMilliseconds("ddlLockTimeout", this.ddlLockTimeout, true);
			requireMilliseconds("ddlRetryBudget", this.ddlRetryBudget, true);
			if (this.statementTimeout != null) {
				requireMilliseconds("statementTimeout", this.statementTimeout, false);
			}
			require("transactionMode", this.transactionMode);
			require("onUnknownRevision", this.onUnknownRevision);
			return new MigrationsConfiguration(this);
		}

		private void validateLocations() {
			if (this.locations == null || this.locations.isEmpty()) {
				throw new InvalidConfigurationException("locations", this.locations,
						"at least one location is needed, e.g. " + DEFAULT_LOCATION);
			}
			for (String location : this.locations) {
				if (location == null || location.isBlank() || location.equals("classpath:")
						|| location.equals("filesystem:")) {
					throw new InvalidConfigurationException("locations", location,
							"each location is classpath:path or filesystem:path (no prefix means classpath:)");
				}
			}
		}

		private static void validateIdentifier(String setting, @Nullable String value) {
			if (value == null || !IDENTIFIER.matcher(value).matches()) {
				throw new InvalidConfigurationException(setting, value,
						"it must be 1-63 letters, digits and underscores, not starting with a digit");
			}
		}

		private static void requireMilliseconds(String setting, @Nullable Duration value, boolean zero) {
			if (value == null || value.isNegative() || (!zero && value.isZero())
					|| value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
				throw new InvalidConfigurationException(setting, value, "it must be " + (zero ? "zero or " : "")
						+ "positive, at most " + Integer.MAX_VALUE + " ms (PostgreSQL's limit)");
			}
			if (value.toNanos() % 1_000_000 != 0 && value.compareTo(Duration.ofMillis(1)) < 0) {
				throw new InvalidConfigurationException(setting, value, "it must be at least 1 ms");
			}
		}

		private static void require(String setting, @Nullable Object value) {
			if (value == null) {
				throw new InvalidConfigurationException(setting, null, "it must be set");
			}
		}

		private static void requireNonNullElements(String setting, List<?> values) {
			for (Object value : values) {
				if (value == null) {
					throw new InvalidConfigurationException(setting, values, "it must not contain null");
				}
			}
		}

	}

}
