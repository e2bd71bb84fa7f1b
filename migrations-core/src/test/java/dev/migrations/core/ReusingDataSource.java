package dev.migrations.core;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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

	ReusingDataSource(DataSource target, boolean autoCommit) {
		this.target = target;
		this.autoCommit = autoCommit;
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection connection = this.idle.pollFirst();
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
