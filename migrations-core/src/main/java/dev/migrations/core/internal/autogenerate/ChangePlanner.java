package dev.migrations.core.internal.autogenerate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrations.core.internal.autogenerate.Schema.Column;
import dev.migrations.core.internal.autogenerate.Schema.Constraint;
import dev.migrations.core.internal.autogenerate.Schema.ConstraintKind;
import dev.migrations.core.internal.autogenerate.Schema.EnumType;
import dev.migrations.core.internal.autogenerate.Schema.Index;
import dev.migrations.core.internal.autogenerate.Schema.Sequence;
import dev.migrations.core.internal.autogenerate.Schema.Table;
import org.jspecify.annotations.Nullable;

/**
 * The statements that turn one schema into another, objects matched by name (the
 * {@link TargetSchema} has already given matched objects the names they have). The
 * statements come in phases so that every one can run: foreign keys dropped first, then
 * the other constraints and indexes that go, new enum types and sequences, new tables
 * (without their foreign keys), new columns, altered columns, dropped columns, tables,
 * sequences and types, new constraints and indexes, foreign keys last (so cycles between
 * tables need no special case), comments. Within a phase statements are sorted by table
 * and name, so the same schemas give the same text byte for byte. PostgreSQL syntax.
 */
final class ChangePlanner {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

	private static final Pattern PLAIN_UPPER_CASE_IDENTIFIER = Pattern.compile("[A-Z_][A-Z0-9_]*");

	private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
			"concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
			"current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
			"distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
			"grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
			"join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not",
			"notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
			"references", "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user",
			"table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
			"verbose", "when", "where", "window", "with");

	private final List<Change> changes = new ArrayList<>();

	private final Schema from;

	private final Schema to;

	private final boolean upperCase;

	private ChangePlanner(Schema from, Schema to, boolean upperCase) {
		this.from = from;
		this.to = to;
		this.upperCase = upperCase;
	}

	/**
	 * The changes from {@code from} to {@code to}, in the order they must run.
	 * @param upperCase whether the database folds unquoted names to upper case (H2),
	 * rather than to lower case (PostgreSQL)
	 */
	static List<Change> plan(Schema from, Schema to, boolean upperCase) {
		ChangePlanner planner = new ChangePlanner(from, to, upperCase);
		planner.planAll();
		List<Change> changes = new ArrayList<>(planner.changes);
		changes.sort(Comparator.comparing(Change::phase)
			.thenComparing(Change::table)
			.thenComparing(Change::name)
			.thenComparing(Change::order)
			.thenComparing(Change::sql));
		return List.copyOf(changes);
	}

	/** The changes as the text of a revision section. */
	static String text(List<Change> changes) {
		StringBuilder text = new StringBuilder();
		for (Change change : changes) {
			for (String comment : change.comments()) {
				text.append("-- ").append(comment).append('\n');
			}
			text.append(change.sql()).append(";\n");
		}
		return text.toString();
	}

	private void planAll() {
		for (Table table : this.from.tables().values()) {
			Optional<Table> target = this.to.table(table.name());
			for (Constraint constraint : table.constraints().values()) {
				Constraint wanted = target.map((each) -> each.constraints().get(constraint.name())).orElse(null);
				if (!constraint.equals(wanted)) {
					Phase phase = (constraint.kind() == ConstraintKind.FOREIGN_KEY) ? Phase.DROP_FOREIGN_KEYS
							: Phase.DROP_CONSTRAINTS;
					if (target.isPresent() || phase == Phase.DROP_FOREIGN_KEYS) {
						add(phase, table.name(), 0, constraint.name(),
								"ALTER TABLE " + quote(table.name()) + " DROP CONSTRAINT " + quote(constraint.name()));
					}
				}
			}
			if (target.isPresent()) {
				for (Index index : table.indexes().values()) {
					if (!index.equals(target.get().indexes().get(index.name()))) {
						add(Phase.DROP_CONSTRAINTS, table.name(), 1, index.name(), "DROP INDEX " + quote(index.name()));
					}
				}
			}
		}
		planTypes();
		planSequences();
		for (Table table : this.to.tables().values()) {
			Optional<Table> existing = this.from.table(table.name());
			if (existing.isEmpty()) {
				createTable(table);
			}
			else {
				alterTable(existing.get(), table);
			}
			Table before = existing.orElse(null);
			for (Constraint constraint : table.constraints().values()) {
				if (before == null || !constraint.equals(before.constraints().get(constraint.name()))) {
					if (before == null && constraint.kind() == ConstraintKind.PRIMARY_KEY) {
						continue;
					}
					Phase phase = (constraint.kind() == ConstraintKind.FOREIGN_KEY) ? Phase.ADD_FOREIGN_KEYS
							: Phase.ADD_CONSTRAINTS;
					add(phase, table.name(), 0, constraint.name(), "ALTER TABLE " + quote(table.name())
							+ " ADD CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition());
				}
			}
			for (Index index : table.indexes().values()) {
				if (before == null || !index.equals(before.indexes().get(index.name()))) {
					add(Phase.ADD_CONSTRAINTS, table.name(), 1, index.name(),
							"CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
									+ quote(table.name()) + " " + index.definition());
				}
			}
			planComments(before, table);
		}
		for (Table table : this.from.tables().values()) {
			if (!this.to.tables().containsKey(table.name())) {
				Change drop = new Change(Phase.DROPS, table.name(), 1, "", "DROP TABLE " + quote(table.name()),
						List.of("review: drops data (table " + table.name() + ")"));
				this.changes.add(renameHint(drop, table));
			}
		}
		for (Sequence sequence : this.from.sequences().values()) {
			if (!this.to.sequences().containsKey(sequence.name())) {
				add(Phase.DROPS, "~", 2, sequence.name(), "DROP SEQUENCE " + quote(sequence.name()));
			}
		}
		for (EnumType type : this.from.enums().values()) {
			if (!this.to.enums().containsKey(type.name())) {
				add(Phase.DROPS, "~", 3, type.name(), "DROP TYPE " + quote(type.name()));
			}
		}
	}

	private Change renameHint(Change drop, Table dropped) {
		for (Table created : this.to.tables().values()) {
			if (!this.from.tables().containsKey(created.name()) && sameColumns(dropped.columns(), created.columns())) {
				List<String> comments = new ArrayList<>(drop.comments());
				comments.add("possible rename: ALTER TABLE " + quote(dropped.name()) + " RENAME TO "
						+ quote(created.name()) + " keeps the data");
				return new Change(drop.phase(), drop.table(), drop.order(), drop.name(), drop.sql(), comments);
			}
		}
		return drop;
	}

	private boolean sameColumns(List<Column> a, List<Column> b) {
		return a.stream()
			.map((column) -> column.name() + " " + column.type())
			.sorted()
			.toList()
			.equals(b.stream().map((column) -> column.name() + " " + column.type()).sorted().toList());
	}

	private void planTypes() {
		for (EnumType type : this.to.enums().values()) {
			EnumType existing = this.from.enums().get(type.name());
			if (existing == null) {
				add(Phase.CREATE_TYPES, "", 0, type.name(),
						"CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels(type.labels()) + ")");
			}
			else if (!existing.labels().equals(type.labels())) {
				if (type.labels()
					.subList(0, Math.min(existing.labels().size(), type.labels().size()))
					.equals(existing.labels()) && type.labels().size() > existing.labels().size()) {
					int order = 0;
					for (String label : type.labels().subList(existing.labels().size(), type.labels().size())) {
						add(Phase.CREATE_TYPES, "", order++, type.name(),
								"ALTER TYPE " + quote(type.name()) + " ADD VALUE " + literal(label));
					}
				}
				else {
					recreateType(existing, type);
				}
			}
		}
	}

	/**
	 * Labels removed or reordered: PostgreSQL cannot do that in place, so the type is
	 * renamed, created anew, its columns converted through text, and the old type
	 * dropped.
	 */
	private void recreateType(EnumType existing, EnumType type) {
		String old = type.name() + "_old";
		List<String> comments = List
			.of("review: the labels of " + type.name() + " change from (" + labels(existing.labels()) + ") to ("
					+ labels(type.labels()) + "); rows holding a removed label fail");
		this.changes.add(new Change(Phase.CREATE_TYPES, "", 0, type.name(),
				"ALTER TYPE " + quote(type.name()) + " RENAME TO " + quote(old), comments));
		add(Phase.CREATE_TYPES, "", 1, type.name(),
				"CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels(type.labels()) + ")");
		for (Table table : this.from.tables().values()) {
			for (Column column : table.columns()) {
				if (column.type().equals(type.name()) && this.to.tables().containsKey(table.name())) {
					add(Phase.CREATE_TYPES, "", 2, type.name(),
							"ALTER TABLE " + quote(table.name()) + " ALTER COLUMN " + quote(column.name()) + " TYPE "
									+ type.name() + " USING " + quote(column.name()) + "::text::" + type.name());
				}
			}
		}
		add(Phase.CREATE_TYPES, "", 3, type.name(), "DROP TYPE " + quote(old));
	}

	private void planSequences() {
		for (Sequence sequence : this.to.sequences().values()) {
			Sequence existing = this.from.sequences().get(sequence.name());
			if (existing == null) {
				add(Phase.CREATE_TYPES, "~", 0, sequence.name(), "CREATE SEQUENCE " + quote(sequence.name()) + " AS "
						+ sequence.type() + sequenceOptions(null, sequence));
			}
			else if (!existing.equals(sequence)) {
				add(Phase.ALTER_COLUMNS, "~", 0, sequence.name(),
						"ALTER SEQUENCE " + quote(sequence.name()) + sequenceOptions(existing, sequence));
			}
		}
	}

	private static String sequenceOptions(@Nullable Sequence existing, Sequence sequence) {
		StringBuilder options = new StringBuilder();
		if (existing != null && !existing.type().equals(sequence.type())) {
			options.append(" AS ").append(sequence.type());
		}
		if (existing == null || existing.start() != sequence.start()) {
			options.append(" START WITH ").append(sequence.start());
		}
		if (existing == null || existing.increment() != sequence.increment()) {
			options.append(" INCREMENT BY ").append(sequence.increment());
		}
		if (existing == null || existing.minimum() != sequence.minimum()) {
			options.append(" MINVALUE ").append(sequence.minimum());
		}
		if (existing == null || existing.maximum() != sequence.maximum()) {
			options.append(" MAXVALUE ").append(sequence.maximum());
		}
		if (existing == null || existing.cache() != sequence.cache()) {
			options.append(" CACHE ").append(sequence.cache());
		}
		if (existing == null || existing.cycle() != sequence.cycle()) {
			options.append(sequence.cycle() ? " CYCLE" : " NO CYCLE");
		}
		return options.toString();
	}

	private void createTable(Table table) {
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (");
		List<String> parts = new ArrayList<>();
		table.columns().forEach((column) -> parts.add("\n    " + columnDefinition(column)));
		table.primaryKey()
			.ifPresent((key) -> parts.add("\n    CONSTRAINT " + quote(key.name()) + " " + key.definition()));
		sql.append(String.join(",", parts)).append("\n)");
		add(Phase.CREATE_TABLES, table.name(), 0, "", sql.toString());
	}

	private String columnDefinition(Column column) {
		StringBuilder definition = new StringBuilder(quote(column.name())).append(' ').append(column.type());
		if (column.identity() != null) {
			definition.append(" GENERATED ").append(column.identity()).append(" AS IDENTITY");
		}
		if (column.defaultValue() != null) {
			definition.append(" DEFAULT ").append(column.defaultValue());
		}
		if (!column.nullable()) {
			definition.append(" NOT NULL");
		}
		return definition.toString();
	}

	private void alterTable(Table existing, Table table) {
		Map<String, Column> before = existing.columnsByName();
		Map<String, Column> after = table.columnsByName();
		String name = quote(table.name());
		int position = 0;
		for (Column column : table.columns()) {
			position++;
			Column old = before.get(column.name());
			if (old == null) {
				List<String> comments = (!column.nullable() && column.defaultValue() == null
						&& column.identity() == null)
								? List.of("review: NOT NULL without a default fails on a table with rows") : List.of();
				this.changes.add(new Change(Phase.ADD_COLUMNS, table.name(), position, "",
						"ALTER TABLE " + name + " ADD COLUMN " + columnDefinition(column), comments));
				continue;
			}
			String alter = "ALTER TABLE " + name + " ALTER COLUMN " + quote(column.name());
			int step = 0;
			if (old.identity() != null && !old.identity().equals(column.identity())) {
				add(Phase.ALTER_COLUMNS, table.name(), step++, column.name(), (column.identity() != null)
						? alter + " SET GENERATED " + column.identity() : alter + " DROP IDENTITY");
			}
			if (old.defaultValue() != null && (column.defaultValue() == null || column.identity() != null)) {
				add(Phase.ALTER_COLUMNS, table.name(), step++, column.name(), alter + " DROP DEFAULT");
			}
			if (!old.type().equals(column.type())) {
				String using = baseType(old.type()).equals(baseType(column.type())) ? ""
						: " USING " + quote(column.name()) + "::" + column.type();
				add(Phase.ALTER_COLUMNS, table.name(), step++, column.name(), alter + " TYPE " + column.type() + using);
			}
			if (old.nullable() != column.nullable()) {
				this.changes.add(new Change(Phase.ALTER_COLUMNS, table.name(), step++, column.name(),
						alter + (column.nullable() ? " DROP NOT NULL" : " SET NOT NULL"), column.nullable() ? List.of()
								: List.of("review: fails while rows hold NULL in " + column.name())));
			}
			if (column.defaultValue() != null && !column.defaultValue().equals(old.defaultValue())) {
				add(Phase.ALTER_COLUMNS, table.name(), step++, column.name(),
						alter + " SET DEFAULT " + column.defaultValue());
			}
			if (column.identity() != null && old.identity() == null) {
				add(Phase.ALTER_COLUMNS, table.name(), step, column.name(),
						alter + " ADD GENERATED " + column.identity() + " AS IDENTITY");
			}
		}
		List<Column> added = table.columns().stream().filter((column) -> !before.containsKey(column.name())).toList();
		for (Column column : existing.columns()) {
			if (!after.containsKey(column.name())) {
				List<String> comments = new ArrayList<>();
				comments.add("review: drops data (column " + table.name() + "." + column.name() + ")");
				added.stream()
					.filter((candidate) -> candidate.type().equals(column.type()))
					.findFirst()
					.ifPresent((candidate) -> comments.add("possible rename: ALTER TABLE " + name + " RENAME COLUMN "
							+ quote(column.name()) + " TO " + quote(candidate.name()) + " keeps the data"));
				this.changes.add(new Change(Phase.DROPS, table.name(), 0, column.name(),
						"ALTER TABLE " + name + " DROP COLUMN " + quote(column.name()), comments));
			}
		}
	}

	private void planComments(@Nullable Table before, Table table) {
		String beforeComment = (before != null) ? before.comment() : null;
		if (!Objects.equals(beforeComment, table.comment())) {
			add(Phase.COMMENTS, table.name(), 0, "",
					"COMMENT ON TABLE " + quote(table.name()) + " IS " + literalOrNull(table.comment()));
		}
		Map<String, Column> columns = (before != null) ? before.columnsByName() : Map.of();
		int position = 0;
		for (Column column : table.columns()) {
			position++;
			Column old = columns.get(column.name());
			String oldComment = (old != null) ? old.comment() : null;
			if (!Objects.equals(oldComment, column.comment())) {
				add(Phase.COMMENTS, table.name(), position, "~", "COMMENT ON COLUMN " + quote(table.name()) + "."
						+ quote(column.name()) + " IS " + literalOrNull(column.comment()));
			}
		}
	}

	private static String baseType(String type) {
		int parenthesis = type.indexOf('(');
		return ((parenthesis >= 0) ? type.substring(0, parenthesis) : type).trim();
	}

	private void add(Phase phase, String table, int order, String name, String sql) {
		this.changes.add(new Change(phase, table, order, name, sql, List.of()));
	}

	private static String labels(List<String> labels) {
		return String.join(", ", labels.stream().map(ChangePlanner::literal).toList());
	}

	private static String literalOrNull(@Nullable String value) {
		return (value != null) ? literal(value) : "NULL";
	}

	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** An identifier, quoted when the database would not read it back as it is. */
	String quote(String identifier) {
		Pattern plain = this.upperCase ? PLAIN_UPPER_CASE_IDENTIFIER : PLAIN_IDENTIFIER;
		if (plain.matcher(identifier).matches() && !RESERVED.contains(identifier.toLowerCase(Locale.ROOT))) {
			return identifier;
		}
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/** The phases of a change, in the order they run. */
	enum Phase {

		DROP_FOREIGN_KEYS, DROP_CONSTRAINTS, CREATE_TYPES, CREATE_TABLES, ADD_COLUMNS, ALTER_COLUMNS, DROPS,
		ADD_CONSTRAINTS, ADD_FOREIGN_KEYS, COMMENTS

	}

	/**
	 * One statement of a section.
	 *
	 * @param phase when it runs
	 * @param table the table it changes, for sorting
	 * @param order its place among the changes of that table in the phase
	 * @param name the object it changes, for sorting
	 * @param sql the statement, without {@code ;}
	 * @param comments comment lines shown before it
	 */
	record Change(Phase phase, String table, int order, String name, String sql, List<String> comments) {

		Change {
			comments = List.copyOf(comments);
		}

		/** Whether it loses data. */
		boolean dropsData() {
			return this.comments.stream().anyMatch((comment) -> comment.startsWith("review: drops data"));
		}

		String describe() {
			return this.sql.toLowerCase(Locale.ROOT).startsWith("create table")
					? this.sql.substring(0, this.sql.indexOf('(')).trim() : this.sql;
		}

	}

}
