package dev.migrations.core;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source recording the connections opened and the statements executed, each batch
 * as {@code batch} and each commit as {@code commit}.
 */
final class CountingDataSource implements DataSource {

	private final DataSource delegate;

	final AtomicInteger connections = new AtomicInteger();

	final List<String> executed = new CopyOnWriteArrayList<>();

	CountingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.connections.incrementAndGet();
		return proxy(Connection.class, this.delegate.getConnection(), null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new UnsupportedOperationException();
	}

	private <T> T proxy(Class<T> type, Object target, String sql) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("executeBatch")) {
				this.executed.add("batch");
			}
			else if (name.equals("commit")) {
				this.executed.add("commit");
			}
			else if (name.startsWith("execute")) {
				this.executed.add((args != null && args.length > 0 && args[0] instanceof String text) ? text : sql);
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (name.equals("prepareStatement")) {
				return proxy(PreparedStatement.class, result, (String) args[0]);
			}
			if (name.equals("createStatement")) {
				return proxy(Statement.class, result, null);
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

}
