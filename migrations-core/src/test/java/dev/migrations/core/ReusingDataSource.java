package dev.migrations.core;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A minimal pool: {@code close()} hands a connection back, and the next
 * {@code getConnection()} returns the most recently handed back one as it is (no reset,
 * like a pool that does not track what its users changed). New physical connections start
 * with the given autocommit.
 */
final class ReusingDataSource implements DataSource, AutoCloseable {

	private final DataSource target;

	private final boolean autoCommit;

	private final Deque<Connection> idle = new ArrayDeque<>();

	final List<Connection> physical = new ArrayList<>();

	private final int maxSize;

	ReusingDataSource(DataSource target, boolean autoCommit) {
		this(target, autoCommit, Integer.MAX_VALUE);
	}

	/**
	 * A pool of at most {@code maxSize} connections that fails at once when exhausted.
	 */
	ReusingDataSource(DataSource target, boolean autoCommit, int maxSize) {
		this.target = target;
		this.autoCommit = autoCommit;
		this.maxSize = maxSize;
	}

	synchronized int inUse() {
		return this.physical.size() - this.idle.size();
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection connection = this.idle.pollFirst();
		if (connection == null && this.physical.size() >= this.maxSize) {
			throw new SQLTransientConnectionException(
					"test-pool - Connection is not available, request timed out after 30000ms", "08001");
		}
		if (connection == null) {
			connection = this.target.getConnection();
			connection.setAutoCommit(this.autoCommit);
			this.physical.add(connection);
		}
		Connection physicalConnection = connection;
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("close")) {
						synchronized (this) {
							this.idle.addFirst(physicalConnection);
						}
						return null;
					}
					try {
						return method.invoke(physicalConnection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : this.physical) {
			connection.close();
		}
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		throw new SQLException("Not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

}
