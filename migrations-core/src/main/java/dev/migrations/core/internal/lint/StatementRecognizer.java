package dev.migrations.core.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the statement forms of {@link StatementForm} at token level. A statement it
 * does not understand gives no action (the linter stays silent on it), never an error.
 */
public final class StatementRecognizer {

	/**
	 * Functions whose value does not change from row to row within a statement (stable or
	 * immutable), so that a column added with such a default is not a table rewrite.
	 */
	static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("now", "current_timestamp", "current_date", "current_time",
			"localtimestamp", "localtime", "statement_timestamp", "transaction_timestamp", "current_user",
			"session_user", "current_schema", "lower", "upper", "coalesce", "nullif", "greatest", "least", "cast",
			"length", "abs", "round", "trim", "concat", "to_char", "to_date", "to_timestamp", "make_interval",
			"jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "array", "row",
			"interval", "timezone", "date_trunc");

	/** Words that start a column constraint in a column definition. */
	private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("constraint", "not", "null", "default",
			"references", "primary", "unique", "check", "generated", "collate", "compression", "storage");

	private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
			"serial8");

	private StatementRecognizer() {
	}

	/** The actions of {@code sql}; empty for a statement it does not recognise. */
	public static List<Action> recognise(String sql) {
		if (!startsWithKnownWord(sql)) {
			return List.of();
		}
		try {
			return new Parser(Tokenizer.tokens(sql)).statement();
		}
		catch (RuntimeException ex) {
			// A form it half knows: silent rather than wrong.
			return List.of();
		}
	}

	/**
	 * Whether a statement's lock would hold up the application's queries while it waits:
	 * a recognised form taking such a lock, or any other {@code ALTER}, {@code DROP},
	 * {@code CREATE TRIGGER|RULE|POLICY} or {@code REFRESH MATERIALIZED VIEW} that is not
	 * {@code CONCURRENTLY} (those take locks this linter does not model, mostly
	 * {@code ACCESS EXCLUSIVE}). Data statements ({@code INSERT}, {@code UPDATE}, ...)
	 * and {@code CONCURRENTLY} forms do not count.
	 */
	public static boolean blocksTraffic(String sql) {
		if (!startsWithKnownWord(sql)) {
			return false;
		}
		List<Token> tokens = Tokenizer.tokens(sql);
		if (tokens.isEmpty()) {
			return false;
		}
		List<Action> actions;
		try {
			actions = new Parser(tokens).statement();
		}
		catch (RuntimeException ex) {
			actions = List.of();
		}
		for (Action action : actions) {
			LockMode lock = action.form().lock();
			if (lock != null && lock.blocksTraffic()
					&& (action.form() != StatementForm.CREATE_TABLE || action.detail() != null)) {
				return true;
			}
		}
		if (!actions.isEmpty()) {
			return false;
		}
		for (Token token : tokens) {
			if (token.is("concurrently")) {
				return false;
			}
		}
		Token first = tokens.get(0);
		Token second = (tokens.size() > 1) ? tokens.get(1) : first;
		return first.is("alter") || first.is("drop") || (first.is("refresh") && second.is("materialized"))
				|| (first.is("create") && (second.is("trigger") || second.is("rule") || second.is("policy")
						|| second.is("constraint") || (second.is("or") && tokens.size() > 3 && (tokens.get(3).is("view")
								|| tokens.get(3).is("rule") || tokens.get(3).is("trigger")))));
	}

	/** A cheap first test: statements starting otherwise are never recognised. */
	private static boolean startsWithKnownWord(String sql) {
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (sql.startsWith("/*", i)) {
				return true;
			}
			else {
				break;
			}
		}
		if (i >= length) {
			return false;
		}
		switch (Character.toLowerCase(sql.charAt(i))) {
			case 'a', 'c', 'd', 'l', 'r', 't', 'v':
				return true;
			default:
				return false;
		}
	}

	private static final class Parser {

		private final List<Token> tokens;

		private int position;

		Parser(List<Token> tokens) {
			this.tokens = tokens;
		}

		List<Action> statement() {
			if (accept("create")) {
				accept("or", "replace");
				boolean unique = accept("unique");
				if (accept("index")) {
					return createIndex(unique);
				}
				acceptAny("temporary", "temp", "unlogged");
				if (accept("table")) {
					return createTable();
				}
				return List.of();
			}
			if (accept("alter", "table")) {
				return alterTable();
			}
			if (accept("drop", "index")) {
				return dropIndex();
			}
			if (accept("drop", "table")) {
				boolean ifExists = accept("if", "exists");
				List<Action> actions = new ArrayList<>();
				for (String name : names()) {
					actions.add(Action.of(StatementForm.DROP_TABLE, name).flags(false, false, ifExists));
				}
				return actions;
			}
			if (accept("reindex")) {
				skipParenthesised();
				if (!acceptAny("index", "table")) {
					return List.of();
				}
				boolean concurrently = accept("concurrently");
				String name = name();
				return List.of(
						Action
							.of(concurrently ? StatementForm.REINDEX_CONCURRENTLY : StatementForm.REINDEX,
									previousWasTable() ? name : null)
							.name(name)
							.flags(false, concurrently, false));
			}
			if (accept("truncate")) {
				accept("table");
				accept("only");
				List<Action> actions = new ArrayList<>();
				for (String name : names()) {
					actions.add(Action.of(StatementForm.TRUNCATE, name));
				}
				return actions;
			}
			if (accept("lock")) {
				accept("table");
				accept("only");
				List<String> names = names();
				LockMode mode = LockMode.ACCESS_EXCLUSIVE;
				if (accept("in")) {
					StringBuilder words = new StringBuilder();
					while (!atEnd() && !peek().is("mode")) {
						words.append(words.isEmpty() ? "" : "_").append(next().text());
					}
					if (atEnd()) {
						return List.of();
					}
					mode = LockMode.valueOf(words.toString().toUpperCase(Locale.ROOT));
				}
				if (!mode.blocksTraffic()) {
					return List.of();
				}
				List<Action> actions = new ArrayList<>();
				for (String name : names) {
					actions.add(Action.of(StatementForm.LOCK_TABLE, name).detail(mode.label()));
				}
				return actions;
			}
			if (accept("vacuum")) {
				boolean full = false;
				if (peek().isSymbol("(")) {
					int end = closing(this.position);
					for (int i = this.position; i < end; i++) {
						full |= this.tokens.get(i).is("full");
					}
					this.position = end + 1;
				}
				else {
					while (acceptAny("full", "freeze", "verbose", "analyze")) {
						full |= this.tokens.get(this.position - 1).is("full");
					}
				}
				if (!full) {
					return List.of();
				}
				return List.of(Action.of(StatementForm.VACUUM_FULL, atEnd() ? null : name()));
			}
			if (accept("cluster")) {
				skipParenthesised();
				accept("verbose");
				return List.of(Action.of(StatementForm.CLUSTER, atEnd() ? null : name()));
			}
			return List.of();
		}

		private boolean previousWasTable() {
			for (int i = this.position - 1; i >= 0; i--) {
				if (this.tokens.get(i).is("table")) {
					return true;
				}
				if (this.tokens.get(i).is("index")) {
					return false;
				}
			}
			return false;
		}

		private List<Action> createIndex(boolean unique) {
			boolean concurrently = accept("concurrently");
			boolean ifNotExists = accept("if", "not", "exists");
			String index = null;
			if (!peek().is("on")) {
				index = name();
			}
			expect("on");
			accept("only");
			String table = name();
			return List.of(Action
				.of(concurrently ? StatementForm.CREATE_INDEX_CONCURRENTLY : StatementForm.CREATE_INDEX, table)
				.name(index)
				.detail(unique ? "unique" : null)
				.flags(false, concurrently, ifNotExists));
		}

		private List<Action> dropIndex() {
			boolean concurrently = accept("concurrently");
			boolean ifExists = accept("if", "exists");
			List<Action> actions = new ArrayList<>();
			for (String name : names()) {
				actions.add(
						Action.of(concurrently ? StatementForm.DROP_INDEX_CONCURRENTLY : StatementForm.DROP_INDEX, null)
							.name(name)
							.flags(false, concurrently, ifExists));
			}
			return actions;
		}

		private List<Action> createTable() {
			boolean ifNotExists = accept("if", "not", "exists");
			String table = name();
			Action created = Action.of(StatementForm.CREATE_TABLE, table).flags(false, false, ifNotExists);
			for (int i = this.position; i < this.tokens.size() - 1; i++) {
				if (this.tokens.get(i).is("references")) {
					this.position = i + 1;
					created = created.detail(name());
					break;
				}
			}
			return List.of(created);
		}

		private List<Action> alterTable() {
			accept("if", "exists");
			accept("only");
			String table = name();
			accept("*");
			List<Action> actions = new ArrayList<>();
			while (!atEnd()) {
				int end = actionEnd();
				actions.addAll(alterAction(table, end));
				this.position = end + 1;
			}
			return actions;
		}

		/** The index of the comma ending the action at the position, or the end. */
		private int actionEnd() {
			int depth = 0;
			for (int i = this.position; i < this.tokens.size(); i++) {
				Token token = this.tokens.get(i);
				if (token.isSymbol("(")) {
					depth++;
				}
				else if (token.isSymbol(")")) {
					depth--;
				}
				else if (depth == 0 && token.isSymbol(",")) {
					return i;
				}
			}
			return this.tokens.size();
		}

		private List<Action> alterAction(String table, int end) {
			if (accept("add")) {
				if (peekAny("constraint", "check", "foreign", "unique", "primary", "exclude")) {
					return List.of(addConstraint(table, end));
				}
				accept("column");
				return addColumn(table, end);
			}
			if (accept("alter")) {
				accept("column");
				String column = name();
				if (accept("set", "not", "null")) {
					return List.of(Action.of(StatementForm.SET_NOT_NULL, table).column(column));
				}
				if (accept("set", "data", "type") || accept("type")) {
					StringBuilder type = new StringBuilder();
					while (this.position < end && !peek().is("using") && !peek().is("collate")) {
						Token token = next();
						type.append(token.isSymbol("(") || token.isSymbol(")") || token.isSymbol(",") || type.isEmpty()
								|| type.charAt(type.length() - 1) == '(' ? "" : " ")
							.append(token.text());
					}
					return List
						.of(Action.of(StatementForm.ALTER_COLUMN_TYPE, table).column(column).detail(type.toString()));
				}
				return List.of();
			}
			if (accept("validate", "constraint")) {
				return List.of(Action.of(StatementForm.VALIDATE_CONSTRAINT, table).name(name()));
			}
			if (accept("rename")) {
				if (accept("to")) {
					return List.of(Action.of(StatementForm.RENAME_TABLE, table).detail(name()));
				}
				if (peek().is("constraint")) {
					return List.of();
				}
				accept("column");
				String column = name();
				expect("to");
				return List.of(Action.of(StatementForm.RENAME_COLUMN, table).column(column).detail(name()));
			}
			if (accept("drop")) {
				if (peekAny("constraint", "not", "default", "expression", "identity")) {
					return List.of();
				}
				accept("column");
				boolean ifExists = accept("if", "exists");
				return List
					.of(Action.of(StatementForm.DROP_COLUMN, table).column(name()).flags(false, false, ifExists));
			}
			if (accept("detach", "partition")) {
				String partition = name();
				boolean concurrently = accept("concurrently");
				return List.of(
						Action
							.of(concurrently ? StatementForm.DETACH_PARTITION_CONCURRENTLY
									: StatementForm.DETACH_PARTITION, table)
							.name(partition)
							.flags(false, concurrently, false));
			}
			return List.of();
		}

		private Action addConstraint(String table, int end) {
			String name = null;
			if (accept("constraint")) {
				name = name();
			}
			boolean notValid = false;
			for (int i = this.position; i + 1 < end; i++) {
				if (this.tokens.get(i).is("not") && this.tokens.get(i + 1).is("valid")) {
					notValid = true;
				}
			}
			if (accept("check")) {
				String checked = checkedNotNullColumn(end);
				return Action.of(StatementForm.ADD_CHECK, table)
					.name(name)
					.column(checked)
					.flags(notValid, false, false);
			}
			if (accept("foreign", "key")) {
				skipParenthesised();
				expect("references");
				return Action.of(StatementForm.ADD_FOREIGN_KEY, table)
					.name(name)
					.detail(name())
					.flags(notValid, false, false);
			}
			if (acceptAny("unique", "primary")) {
				accept("key");
				accept("nulls");
				accept("not");
				accept("distinct");
				boolean usingIndex = accept("using", "index");
				return Action.of(StatementForm.ADD_UNIQUE, table).name(name).usingIndex(usingIndex);
			}
			throw new IllegalStateException("not a constraint this linter knows");
		}

		/**
		 * The column of a {@code CHECK (c IS NOT NULL)}, or {@code null} for another
		 * check.
		 */
		private @Nullable String checkedNotNullColumn(int end) {
			int start = this.position;
			if (end - start == 6 && this.tokens.get(start).isSymbol("(") && this.tokens.get(start + 1).isName()
					&& this.tokens.get(start + 2).is("is") && this.tokens.get(start + 3).is("not")
					&& this.tokens.get(start + 4).is("null") && this.tokens.get(start + 5).isSymbol(")")) {
				return this.tokens.get(start + 1).text();
			}
			if (end - start == 8 && this.tokens.get(start + 6).is("not") && this.tokens.get(start + 7).is("valid")) {
				return checkedNotNullColumnOf(start);
			}
			return null;
		}

		private @Nullable String checkedNotNullColumnOf(int start) {
			if (this.tokens.get(start).isSymbol("(") && this.tokens.get(start + 1).isName()
					&& this.tokens.get(start + 2).is("is") && this.tokens.get(start + 3).is("not")
					&& this.tokens.get(start + 4).is("null") && this.tokens.get(start + 5).isSymbol(")")) {
				return this.tokens.get(start + 1).text();
			}
			return null;
		}

		private List<Action> addColumn(String table, int end) {
			boolean ifNotExists = accept("if", "not", "exists");
			String column = name();
			boolean serial = !atEnd() && SERIAL_TYPES.contains(peek().text()) && peek().kind() == Token.Kind.WORD;
			while (this.position < end
					&& !(peek().kind() == Token.Kind.WORD && COLUMN_CONSTRAINT_WORDS.contains(peek().text()))) {
				if (peek().isSymbol("(")) {
					this.position = closing(this.position) + 1;
				}
				else {
					this.position++;
				}
			}
			boolean notNull = false;
			boolean hasDefault = false;
			String volatileDefault = serial ? "nextval (a serial column)" : null;
			String references = null;
			boolean unique = false;
			while (this.position < end) {
				if (accept("not", "null")) {
					notNull = true;
				}
				else if (accept("primary", "key")) {
					notNull = true;
					unique = true;
				}
				else if (accept("unique")) {
					unique = true;
				}
				else if (accept("default")) {
					hasDefault = true;
					String function = volatileFunction(end);
					if (function != null) {
						volatileDefault = function + "()";
					}
				}
				else if (accept("generated")) {
					hasDefault = true;
					int start = this.position;
					boolean stored = false;
					boolean identity = false;
					while (this.position < end && !(peek().kind() == Token.Kind.WORD
							&& COLUMN_CONSTRAINT_WORDS.contains(peek().text()) && this.position > start + 1)) {
						stored |= peek().is("stored");
						identity |= peek().is("identity");
						if (peek().isSymbol("(")) {
							this.position = closing(this.position) + 1;
						}
						else {
							this.position++;
						}
					}
					if (stored) {
						volatileDefault = "a stored generated expression";
					}
					else if (identity) {
						volatileDefault = "an identity sequence";
					}
				}
				else if (accept("references")) {
					references = name();
					skipParenthesised();
				}
				else if (peek().isSymbol("(")) {
					this.position = closing(this.position) + 1;
				}
				else {
					this.position++;
				}
			}
			List<Action> actions = new ArrayList<>();
			actions.add(Action.of(StatementForm.ADD_COLUMN, table)
				.column(column)
				.detail(volatileDefault)
				.flags(false, false, ifNotExists)
				.column(notNull || (serial && !hasDefault), hasDefault || serial));
			if (references != null) {
				actions.add(Action.of(StatementForm.ADD_FOREIGN_KEY, table).column(column).detail(references));
			}
			if (unique) {
				actions.add(Action.of(StatementForm.ADD_UNIQUE, table).column(column));
			}
			return actions;
		}

		/**
		 * Reads a default expression up to the next column constraint; the first function
		 * it calls that is not known to be non-volatile, or {@code null}.
		 */
		private @Nullable String volatileFunction(int end) {
			String found = null;
			int depth = 0;
			while (this.position < end) {
				Token token = peek();
				if (depth == 0 && token.kind() == Token.Kind.WORD && COLUMN_CONSTRAINT_WORDS.contains(token.text())) {
					break;
				}
				if (token.isSymbol("(")) {
					depth++;
				}
				else if (token.isSymbol(")")) {
					depth--;
				}
				else if (token.isName() && this.position + 1 < end && this.tokens.get(this.position + 1).isSymbol("(")
						&& !(this.position > 0 && this.tokens.get(this.position - 1).isSymbol("::"))
						&& !NON_VOLATILE_FUNCTIONS.contains(token.text()) && found == null) {
					found = token.text();
				}
				this.position++;
			}
			return found;
		}

		/** Names separated by commas, up to a word that is not a name's part. */
		private List<String> names() {
			List<String> names = new ArrayList<>();
			names.add(name());
			while (!atEnd() && peek().isSymbol(",")) {
				this.position++;
				names.add(name());
			}
			return names;
		}

		/** A possibly qualified name; its last part. */
		private String name() {
			Token token = next();
			if (!token.isName()) {
				throw new IllegalStateException("not a name: " + token);
			}
			String name = token.text();
			while (!atEnd() && peek().isSymbol(".") && this.position + 1 < this.tokens.size()) {
				this.position++;
				name = next().text();
			}
			return name;
		}

		private void skipParenthesised() {
			if (!atEnd() && peek().isSymbol("(")) {
				this.position = closing(this.position) + 1;
			}
		}

		private int closing(int open) {
			int depth = 0;
			for (int i = open; i < this.tokens.size(); i++) {
				if (this.tokens.get(i).isSymbol("(")) {
					depth++;
				}
				else if (this.tokens.get(i).isSymbol(")")) {
					depth--;
					if (depth == 0) {
						return i;
					}
				}
			}
			return this.tokens.size() - 1;
		}

		private boolean atEnd() {
			return this.position >= this.tokens.size();
		}

		private Token peek() {
			return this.tokens.get(this.position);
		}

		private Token next() {
			return this.tokens.get(this.position++);
		}

		private boolean peekAny(String... words) {
			if (atEnd()) {
				return false;
			}
			for (String word : words) {
				if (peek().is(word)) {
					return true;
				}
			}
			return false;
		}

		private boolean acceptAny(String... words) {
			if (peekAny(words)) {
				this.position++;
				return true;
			}
			return false;
		}

		/** Accepts the words in sequence, or none of them. */
		private boolean accept(String... words) {
			if (this.position + words.length > this.tokens.size()) {
				return false;
			}
			for (int i = 0; i < words.length; i++) {
				Token token = this.tokens.get(this.position + i);
				if (!(token.is(words[i]) || (words[i].equals("*") && token.isSymbol("*")))) {
					return false;
				}
			}
			this.position += words.length;
			return true;
		}

		private void expect(String word) {
			if (!accept(word)) {
				throw new IllegalStateException("expected " + word);
			}
		}

	}

}
