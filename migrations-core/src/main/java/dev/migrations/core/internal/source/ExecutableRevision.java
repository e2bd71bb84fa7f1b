package dev.migrations.core.internal.source;

import java.sql.SQLException;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.graph.Direction;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A revision as the executor and the offline renderer run it: a SQL body streaming
 * statements, or a Java body.
 *
 * @param node the revision
 * @param checksum the checksum of its upgrade, if any
 * @param transactional whether it runs in a transaction
 * @param body what runs
 */
public record ExecutableRevision(RevisionNode node, @Nullable String checksum, boolean transactional, Body body) {

	public static ExecutableRevision of(RevisionScript script) {
		Body body;
		if (script instanceof SqlRevisionScript sql) {
			body = new SqlBody(sql::forEachUpgradeStatement, sql::forEachDowngradeStatement);
		}
		else {
			body = new JavaBody(((JavaRevisionScript) script).revision());
		}
		return new ExecutableRevision(script.node(), script.checksum(), script.transactional(), body);
	}

	public String id() {
		return this.node.id();
	}

	/** The file or class it comes from. */
	public String source() {
		return this.node.source();
	}

	/** What runs. */
	public sealed interface Body permits SqlBody, JavaBody {

	}

	/** Streams the statements of one direction to a handler. */
	@FunctionalInterface
	public interface StatementSource {

		/** Streams the statements split with the syntax of the database they run on. */
		void forEach(SqlSyntax syntax, StatementHandler handler) throws SQLException;

	}

	/**
	 * SQL statements, streamed for each direction.
	 *
	 * @param upgrade the upgrade statements
	 * @param downgrade the downgrade statements
	 */
	public record SqlBody(StatementSource upgrade, StatementSource downgrade) implements Body {

		public StatementSource statements(Direction direction) {
			return (direction == Direction.UPGRADE) ? this.upgrade : this.downgrade;
		}

	}

	/**
	 * Java code.
	 *
	 * @param revision the instance run
	 */
	public record JavaBody(JavaRevision revision) implements Body {

	}

}
