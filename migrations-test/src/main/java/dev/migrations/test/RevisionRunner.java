package dev.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.core.DatabaseAccessException;
import dev.migrations.core.Migrator;
import dev.migrations.core.catalog.Catalog;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.Plan;
import dev.migrations.core.graph.RevisionGraph;
import dev.migrations.core.graph.RevisionNode;
import dev.migrations.core.graph.Step;
import dev.migrations.test.database.ScratchDatabase;

/**
 * Runs the revisions of a {@link MigrationsTest} class step by step on a database of its
 * own, for tests of data migrations: bring the database to just before a revision, insert
 * rows, upgrade, look at the rows.
 *
 * <pre class="code">
 * &#64;Test
 * void backfillsThePriority(RevisionRunner runner) {
 *     runner.upgradeBefore("7c1e5a2b9d30");
 *     runner.insert("tasks", Map.of("title", "Write", "priority", "high", ...));
 *     runner.upgradeTo("7c1e5a2b9d30");
 *     assertThat(runner.query("SELECT priority_id FROM tasks")).containsExactly(Map.of("priority_id", 3));
 * }
 * </pre>
 *
 * The database is created when the runner is first used and dropped after the test.
 * Revisions listed in {@link MigrationsTest#skipRevisions()} are stamped instead of run
 * on the way up.
 */
public final class RevisionRunner {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private final KitContext context;

	private final Migrator graphOnly;

	private @Nullable ScratchDatabase database;

	private @Nullable Migrator migrator;

	RevisionRunner(KitContext context) {
		this.context = context;
		this.graphOnly = context.migrator(null);
	}

	/** A runner on a database made already, which it drops when closed. */
	RevisionRunner(KitContext context, ScratchDatabase database) {
		this(context);
		this.database = database;
	}

	/** The revision graph of the test's locations. */
	public RevisionGraph graph() {
		return this.graphOnly.graph();
	}

	/** The code's heads. */
	public List<String> heads() {
		return graph().heads();
	}

	/** The database's current heads; empty at base. */
	public List<String> current() {
		return migrator().currentHeads();
	}

	/**
	 * Upgrades to a revision (any identifier {@code upgrade} takes: an id, {@code heads},
	 * {@code +1}, a branch label, …), running every revision needed.
	 */
	public RevisionRunner upgradeTo(String target) {
		Plan plan = graph().planUpgrade(applied(), target);
		run(plan, target);
		return this;
	}

	/**
	 * Upgrades to the parents and dependencies of a revision, so that the next upgrade
	 * runs that revision alone.
	 */
	public RevisionRunner upgradeBefore(String id) {
		RevisionNode node = node(id);
		for (String parent : node.downRevisions()) {
			upgradeTo(parent);
		}
		for (String dependency : node.dependsOn()) {
			upgradeTo(dependency);
		}
		return this;
	}

	/** Downgrades to a revision ({@code base}, an id, {@code -1}, …). */
	public RevisionRunner downgradeTo(String target) {
		migrator().downgrade(target);
		return this;
	}

	/** Upgrades by one revision ({@code upgrade +1}); the database must have one head. */
	public RevisionRunner upgradeOne() {
		return upgradeTo("+1");
	}

	/**
	 * Downgrades by one revision ({@code downgrade -1}); the database must have one head.
	 */
	public RevisionRunner downgradeOne() {
		return downgradeTo("-1");
	}

	/**
	 * Inserts one row.
	 * @param table the table, optionally schema-qualified, as an unquoted identifier
	 * @param row column names (unquoted identifiers) and values, bound as parameters
	 * @return the number of rows inserted
	 */
	public int insert(String table, Map<String, ?> row) {
		requireIdentifier(table);
		row.keySet().forEach(RevisionRunner::requireIdentifier);
		List<String> columns = new ArrayList<>(row.keySet());
		String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", columns.stream().map((column) -> "?").toList()) + ")";
		try (Connection connection = jdbc().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < columns.size(); i++) {
				statement.setObject(i + 1, row.get(columns.get(i)));
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("insert into " + table, ex);
		}
	}

	/**
	 * Runs a query and returns its rows, each a map of column labels (as the database
	 * writes them) to values, in order.
	 */
	public List<Map<String, Object>> query(String sql, Object... parameters) {
		try (Connection connection = jdbc().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				ResultSetMetaData metaData = result.getMetaData();
				List<Map<String, Object>> rows = new ArrayList<>();
				while (result.next()) {
					Map<String, Object> values = new LinkedHashMap<>();
					for (int column = 1; column <= metaData.getColumnCount(); column++) {
						values.put(metaData.getColumnLabel(column), result.getObject(column));
					}
					rows.add(values);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("run " + sql, ex);
		}
	}

	/** The database's data source: each {@code getConnection()} opens a new session. */
	public DataSource jdbc() {
		return database().dataSource();
	}

	/** The catalog of the database's schema, without the state tables. */
	public Catalog catalog() {
		try (Connection connection = jdbc().getConnection()) {
			return Catalog.read(connection, migrator().configuration());
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("read the catalog", ex);
		}
	}

	/** The database this runner works on (created when first asked for). */
	public ScratchDatabase database() {
		if (this.database == null) {
			try {
				this.database = this.context.newDatabase();
			}
			catch (SQLException ex) {
				throw new DatabaseAccessException("create a test database", ex);
			}
		}
		return this.database;
	}

	KitContext context() {
		return this.context;
	}

	/** The revisions applied in the database: its heads and everything below them. */
	Set<String> applied() {
		Set<String> applied = new HashSet<>();
		for (String head : current()) {
			applied.add(head);
			applied.addAll(graph().ancestors(head));
		}
		return applied;
	}

	Migrator migrator() {
		if (this.migrator == null) {
			this.migrator = this.context.migrator(database().dataSource());
		}
		return this.migrator;
	}

	RevisionNode node(String id) {
		return graph().find(id)
			.orElseThrow(() -> new IllegalArgumentException(
					"No revision " + id + " in " + String.join(", ", this.context.settings().locations())));
	}

	private void run(Plan plan, String target) {
		List<String> skipped = this.context.skipped();
		boolean stamps = plan.steps().stream().anyMatch((step) -> skipped.contains(step.revision().id()));
		if (!stamps) {
			if (!plan.isEmpty()) {
				migrator().upgrade(target);
			}
			return;
		}
		for (Step step : plan.steps()) {
			String id = step.revision().id();
			if (step.direction() == Direction.UPGRADE && skipped.contains(id)) {
				migrator().stamp(List.of(id), false);
			}
			else {
				migrator().upgrade(id);
			}
		}
	}

	/** Drops the database, if one was made. */
	void close() {
		if (this.database != null) {
			try {
				this.context.drop(this.database);
			}
			catch (SQLException ex) {
				throw new DatabaseAccessException("drop the test database " + this.database.name(), ex);
			}
			finally {
				this.database = null;
				this.migrator = null;
			}
		}
	}

	private static void requireIdentifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not an unquoted identifier: '" + name
					+ "'; insert takes table and column names of letters, digits and underscores");
		}
	}

	@Override
	public String toString() {
		return "RevisionRunner on " + ((this.database != null) ? this.database : "no database yet");
	}

}
