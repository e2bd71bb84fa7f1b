package dev.migrations.core.internal.execution;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The connection a Java revision gets: the run's work connection, minus what would break
 * the run. In a transactional revision, {@code commit()}, {@code rollback()} (without a
 * savepoint), {@code setAutoCommit}, {@code setTransactionIsolation} and
 * {@code setReadOnly} throw: the transaction belongs to the migrator, which commits it
 * with the revision's state rows. {@code close()} and {@code abort} always throw: the
 * connection belongs to the run. Savepoints work. {@code unwrap} gives this connection
 * for {@code Connection} and the driver's own object for driver interfaces (such as
 * {@code PGConnection}, for {@code COPY}); what a revision does through those is still
 * checked after it ran (see {@link RunExecutor}).
 */
final class RevisionConnection implements InvocationHandler {

	/** SQLState "invalid transaction state". */
	private static final String INVALID_TRANSACTION_STATE = "25000";

	private final Connection connection;

	private final String revisionId;

	private final boolean transactional;

	private RevisionConnection(Connection connection, String revisionId, boolean transactional) {
		this.connection = connection;
		this.revisionId = revisionId;
		this.transactional = transactional;
	}

	static Connection of(Connection connection, String revisionId, boolean transactional) {
		return (Connection) Proxy.newProxyInstance(RevisionConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new RevisionConnection(connection, revisionId, transactional));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		int arguments = (args != null) ? args.length : 0;
		switch (name) {
			case "equals":
				return arguments == 1 && proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return "connection of revision " + this.revisionId + " (" + this.connection + ")";
			case "unwrap":
				if (arguments == 1 && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
					return proxy;
				}
				break;
			case "isWrapperFor":
				if (arguments == 1 && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
					return true;
				}
				break;
			case "close", "abort":
				throw refused(name + "()", "the connection belongs to the run, which closes it when it ends; "
						+ "do not close it (nor use it in try-with-resources)");
			case "commit", "setAutoCommit", "setTransactionIsolation", "setReadOnly":
				if (this.transactional) {
					throw refusedInTransaction(name + "()");
				}
				break;
			case "rollback":
				if (this.transactional && arguments == 0) {
					throw refusedInTransaction("rollback()");
				}
				break;
			default:
				break;
		}
		try {
			return method.invoke(this.connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private SQLException refusedInTransaction(String call) {
		return refused(call,
				"the revision runs in a transaction that Migrations commits with its state rows (and rolls back "
						+ "whole when it fails); use a savepoint to undo part of it, or mark the revision "
						+ "@Revision(transactional = false) to manage transactions itself");
	}

	private SQLException refused(String call, String why) {
		return new SQLException(
				"Java revision " + this.revisionId + " may not call " + call + " on its connection: " + why,
				INVALID_TRANSACTION_STATE);
	}

}
