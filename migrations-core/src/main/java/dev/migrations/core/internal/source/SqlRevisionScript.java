package dev.migrations.core.internal.source;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.core.RevisionFileException;
import dev.migrations.core.graph.RevisionNode;
import org.jspecify.annotations.Nullable;

/**
 * A revision defined by a SQL file. Statements are streamed from the file each time they
 * are asked for, so a large script is never held in memory whole.
 * <p>
 * The {@linkplain #checksum() checksum} is the SHA-256 (lowercase hex) of the upgrade
 * section: the lines after the {@code -- +upgrade} line up to, not including, the
 * {@code -- +downgrade} line or else the end of the file, each decoded from UTF-8 and
 * followed by {@code \n} (so {@code \r\n}, {@code \r} and {@code \n} files give the same
 * checksum, and so do files with and without a final line end). The header and the
 * downgrade section are not part of it: editing a message or a downgrade is not drift.
 */
public final class SqlRevisionScript extends RevisionScript {

	private final ScriptResource resource;

	private final List<String> lintIgnore;

	private final int lintIgnoreLine;

	/** The syntax the statements were last checked with and passed, if any. */
	private volatile @Nullable SqlSyntax checkedWith;

	SqlRevisionScript(RevisionNode node, String checksum, boolean transactional, @Nullable String createDate,
			ScriptResource resource, List<String> lintIgnore, int lintIgnoreLine) {
		super(node, checksum, transactional, createDate);
		this.resource = resource;
		this.lintIgnore = List.copyOf(lintIgnore);
		this.lintIgnoreLine = lintIgnoreLine;
	}

	/**
	 * The lint rule ids its {@code lint_ignore:} header key silences (the header is not
	 * part of the checksum).
	 */
	public List<String> lintIgnore() {
		return this.lintIgnore;
	}

	/** The line of its {@code lint_ignore:} key; 0 when it has none. */
	public int lintIgnoreLine() {
		return this.lintIgnoreLine;
	}

	/**
	 * Splits both sections with {@code syntax} (PostgreSQL's, with a hint on failure,
	 * when {@code null}: the database type not known), and refuses what cannot run: a
	 * string or comment left open, {@code COPY ... FROM STDIN}, transaction control in a
	 * transactional revision. Loading does not split; this runs before a revision runs or
	 * is rendered, once per syntax.
	 * @throws RevisionFileException naming the file and line
	 */
	public void checkStatements(@Nullable SqlSyntax syntax) {
		checkStatements(syntax, new ReadBuffer());
	}

	/**
	 * As {@link #checkStatements(SqlSyntax)}, reading a small file into {@code buffer}.
	 */
	void checkStatements(@Nullable SqlSyntax syntax, ReadBuffer buffer) {
		SqlSyntax checked = (syntax != null) ? syntax : SqlSyntax.POSTGRESQL;
		if (this.checkedWith != checked) {
			SqlRevisionFile.check(this.resource, syntax, transactional(), buffer);
			this.checkedWith = checked;
		}
	}

	/** The statements of the upgrade section, read into a list. */
	public List<SqlStatement> upgradeStatements() {
		List<SqlStatement> statements = new ArrayList<>();
		try {
			forEachUpgradeStatement(statements::add);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Collecting statements cannot fail", ex);
		}
		return statements;
	}

	/** Where the file was found, e.g. {@code classpath:db/revisions/001_init.sql}. */
	public String location() {
		return node().source();
	}

	/**
	 * Streams the statements of the {@code -- +upgrade} section to {@code handler}.
	 * @throws SQLException if the handler fails
	 * @throws RevisionFileException if the file cannot be read or has an unterminated
	 * string or comment
	 */
	public void forEachUpgradeStatement(StatementHandler handler) throws SQLException {
		forEachUpgradeStatement(SqlSyntax.POSTGRESQL, handler);
	}

	/**
	 * Streams the statements of the {@code -- +upgrade} section, split with
	 * {@code syntax}, to {@code handler}.
	 * @throws SQLException if the handler fails
	 * @throws RevisionFileException if the file cannot be read or has an unterminated
	 * string or comment
	 */
	public void forEachUpgradeStatement(SqlSyntax syntax, StatementHandler handler) throws SQLException {
		if (!SqlRevisionFile.forEachStatement(this.resource, SectionMarker.UPGRADE, syntax, handler)) {
			throw new RevisionFileException(location(), 1,
					"has no '-- +upgrade' line any more; was the file changed while running?");
		}
	}

	/**
	 * Streams the statements of the {@code -- +downgrade} section to {@code handler}; an
	 * irreversible revision (no such section) has none.
	 * @throws SQLException if the handler fails
	 * @throws RevisionFileException if the file cannot be read or has an unterminated
	 * string or comment
	 */
	public void forEachDowngradeStatement(StatementHandler handler) throws SQLException {
		forEachDowngradeStatement(SqlSyntax.POSTGRESQL, handler);
	}

	/**
	 * Streams the statements of the {@code -- +downgrade} section, split with
	 * {@code syntax}, to {@code handler}.
	 * @throws SQLException if the handler fails
	 */
	public void forEachDowngradeStatement(SqlSyntax syntax, StatementHandler handler) throws SQLException {
		SqlRevisionFile.forEachStatement(this.resource, SectionMarker.DOWNGRADE, syntax, handler);
	}

}
