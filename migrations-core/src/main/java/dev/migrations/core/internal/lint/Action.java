package dev.migrations.core.internal.lint;

import org.jspecify.annotations.Nullable;

/**
 * One recognised statement, or one action of an {@code ALTER TABLE} with several.
 *
 * @param form what it is
 * @param table the table it works on (unqualified, as PostgreSQL folds it); {@code null}
 * where the statement names only an index
 * @param column the column it adds, changes or checks, if any
 * @param name the constraint or index it adds, validates or drops, if any
 * @param detail what else a rule needs: the referenced table of a foreign key, the new
 * type of a column, the volatile function of a default
 * @param notValid {@code NOT VALID} was given
 * @param concurrently {@code CONCURRENTLY} was given
 * @param ifExists {@code IF EXISTS} or {@code IF NOT EXISTS} was given
 * @param notNull an added column is {@code NOT NULL}
 * @param hasDefault an added column has a default (or is generated)
 * @param usingIndex a unique or primary key constraint is added {@code USING INDEX}
 */
public record Action(StatementForm form, @Nullable String table, @Nullable String column, @Nullable String name,
		@Nullable String detail, boolean notValid, boolean concurrently, boolean ifExists, boolean notNull,
		boolean hasDefault, boolean usingIndex) {

	static Action of(StatementForm form, @Nullable String table) {
		return new Action(form, table, null, null, null, false, false, false, false, false, false);
	}

	Action column(@Nullable String column) {
		return new Action(this.form, this.table, column, this.name, this.detail, this.notValid, this.concurrently,
				this.ifExists, this.notNull, this.hasDefault, this.usingIndex);
	}

	Action name(@Nullable String name) {
		return new Action(this.form, this.table, this.column, name, this.detail, this.notValid, this.concurrently,
				this.ifExists, this.notNull, this.hasDefault, this.usingIndex);
	}

	Action detail(@Nullable String detail) {
		return new Action(this.form, this.table, this.column, this.name, detail, this.notValid, this.concurrently,
				this.ifExists, this.notNull, this.hasDefault, this.usingIndex);
	}

	Action flags(boolean notValid, boolean concurrently, boolean ifExists) {
		return new Action(this.form, this.table, this.column, this.name, this.detail, notValid, concurrently, ifExists,
				this.notNull, this.hasDefault, this.usingIndex);
	}

	Action column(boolean notNull, boolean hasDefault) {
		return new Action(this.form, this.table, this.column, this.name, this.detail, this.notValid, this.concurrently,
				this.ifExists, notNull, hasDefault, this.usingIndex);
	}

	Action usingIndex(boolean usingIndex) {
		return new Action(this.form, this.table, this.column, this.name, this.detail, this.notValid, this.concurrently,
				this.ifExists, this.notNull, this.hasDefault, usingIndex);
	}

}
