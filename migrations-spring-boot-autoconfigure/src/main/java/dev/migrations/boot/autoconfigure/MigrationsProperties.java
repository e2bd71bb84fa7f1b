package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.MigrationsConfiguration;
import dev.migrations.core.TransactionMode;
import dev.migrations.core.UnknownRevisionPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties of Migrations ({@code migrations.*}). Defaults are the core's
 * ({@link MigrationsConfiguration}'s {@code DEFAULT_*} constants).
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/**
	 * Whether to enable Migrations.
	 */
	private boolean enabled = true;

	/**
	 * Locations of revisions, 'classpath:path' or 'filesystem:path' (no prefix means
	 * 'classpath:'), scanned recursively for SQL files and Java revisions.
	 */
	private List<String> locations = new ArrayList<>(List.of(MigrationsConfiguration.DEFAULT_LOCATION));

	/**
	 * What to do on startup: 'upgrade' runs pending revisions, 'validate' only compares
	 * the database with the code and refuses readiness while it is behind, 'none' does
	 * nothing.
	 */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * Revision the startup upgrade goes to: 'heads', 'head', a revision id, a branch's
	 * 'label@head'.
	 */
	private String target = "heads";

	/**
	 * Whether to run the startup upgrade in the background: the application starts at
	 * once and readiness is refused until the upgrade succeeds.
	 */
	private boolean async;

	/**
	 * Maximum time to wait for another instance's run to release the migration lock. If a
	 * duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Maximum time a statement whose lock blocks the application's queries waits for that
	 * lock (PostgreSQL lock_timeout); on a timeout the revision is retried. Zero leaves
	 * lock_timeout alone. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration ddlLockTimeout = MigrationsConfiguration.DEFAULT_DDL_LOCK_TIMEOUT;

	/**
	 * Maximum time to retry a revision after lock timeouts, with backoff and jitter,
	 * before it fails. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration ddlRetryBudget = MigrationsConfiguration.DEFAULT_DDL_RETRY_BUDGET;

	/**
	 * Maximum time a statement of a revision may run (PostgreSQL statement_timeout);
	 * unset leaves it alone. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration statementTimeout;

	/**
	 * How revisions are grouped into transactions: 'per-revision', or 'all' for one
	 * transaction per run (PostgreSQL only).
	 */
	private TransactionMode transactionMode = MigrationsConfiguration.DEFAULT_TRANSACTION_MODE;

	/**
	 * Whether to refuse to run when the upgrade of an applied revision changed.
	 */
	private boolean validateChecksums = MigrationsConfiguration.DEFAULT_VALIDATE_CHECKSUMS;

	/**
	 * What to do when the database records revisions the code does not know: 'warn' (the
	 * state is AHEAD) or 'fail'.
	 */
	private UnknownRevisionPolicy onUnknownRevision = MigrationsConfiguration.DEFAULT_ON_UNKNOWN_REVISION;

	/**
	 * Schema of the state tables, created when missing. Defaults to the connection's
	 * current schema.
	 */
	private @Nullable String schema;

	/**
	 * Name of the table of applied revisions.
	 */
	private String versionTable = MigrationsConfiguration.DEFAULT_VERSION_TABLE;

	/**
	 * Name of the table of the operation history.
	 */
	private String historyTable = MigrationsConfiguration.DEFAULT_HISTORY_TABLE;

	/**
	 * JDBC URL of the database to migrate, for a dedicated migration connection. Defaults
	 * to the application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate. With no 'url', a connection like the
	 * application's DataSource is made with this user.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	private final Autogenerate autogenerate = new Autogenerate();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getDdlLockTimeout() {
		return this.ddlLockTimeout;
	}

	public void setDdlLockTimeout(Duration ddlLockTimeout) {
		this.ddlLockTimeout = ddlLockTimeout;
	}

	public Duration getDdlRetryBudget() {
		return this.ddlRetryBudget;
	}

	public void setDdlRetryBudget(Duration ddlRetryBudget) {
		this.ddlRetryBudget = ddlRetryBudget;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public UnknownRevisionPolicy getOnUnknownRevision() {
		return this.onUnknownRevision;
	}

	public void setOnUnknownRevision(UnknownRevisionPolicy onUnknownRevision) {
		this.onUnknownRevision = onUnknownRevision;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	/** What the application does with its database on startup. */
	public Autogenerate getAutogenerate() {
		return this.autogenerate;
	}

	/**
	 * {@code migrations.autogenerate.*}: a run of the application that writes a revision
	 * from its JPA entities and exits.
	 */
	public static class Autogenerate {

		/**
		 * Message of the revision to generate. When set, the application starts without a
		 * web server and without its startup run, writes the revision and exits.
		 */
		private @Nullable String message;

		/**
		 * Directory the generated revision is written to.
		 */
		private String directory = "src/main/resources/db/revisions";

		/**
		 * Revision the generated revision is based on, when the code has several heads.
		 */
		private @Nullable String head;

		/**
		 * JDBC URL (or postgresql://user:password@host/db URL) of a development database
		 * server on which the scratch databases are created and dropped. Defaults to the
		 * application's own server.
		 */
		private @Nullable String devUrl;

		/**
		 * Whether tables the entities do not map are dropped rather than listed.
		 */
		private boolean dropUnmappedTables;

		/**
		 * Whether the application exits once the revision is written.
		 */
		private boolean exit = true;

		public @Nullable String getMessage() {
			return this.message;
		}

		public void setMessage(@Nullable String message) {
			this.message = message;
		}

		public String getDirectory() {
			return this.directory;
		}

		public void setDirectory(String directory) {
			this.directory = directory;
		}

		public @Nullable String getHead() {
			return this.head;
		}

		public void setHead(@Nullable String head) {
			this.head = head;
		}

		public @Nullable String getDevUrl() {
			return this.devUrl;
		}

		public void setDevUrl(@Nullable String devUrl) {
			this.devUrl = devUrl;
		}

		public boolean isDropUnmappedTables() {
			return this.dropUnmappedTables;
		}

		public void setDropUnmappedTables(boolean dropUnmappedTables) {
			this.dropUnmappedTables = dropUnmappedTables;
		}

		public boolean isExit() {
			return this.exit;
		}

		public void setExit(boolean exit) {
			this.exit = exit;
		}

	}

	public enum OnStartup {

		/** Run the pending revisions up to the target. */
		UPGRADE,

		/**
		 * Change nothing; refuse readiness while the database is not up to date (for
		 * upgrades run by a Kubernetes Job or init container).
		 */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

}
