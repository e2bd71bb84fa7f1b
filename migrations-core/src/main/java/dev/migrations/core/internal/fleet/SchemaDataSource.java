package dev.migrations.core.internal.fleet;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The connections of a schema target: those of a shared data source, each switched to the
 * target's schema ({@link Connection#setSchema}, on PostgreSQL the {@code search_path})
 * so that its revisions create their objects there, and switched back before it is closed
 * (returned to a pool as it was lent).
 */
public final class SchemaDataSource implements DataSource {

	private final DataSource delegate;

	private final String schema;

	public SchemaDataSource(DataSource delegate, String schema) {
		this.delegate = delegate;
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return switched(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return switched(this.delegate.getConnection(username, password));
	}

	private Connection switched(Connection connection) throws SQLException {
		@Nullable String previous;
		try {
			previous = connection.getSchema();
			connection.setSchema(this.schema);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(SchemaDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
						try {
							connection.setSchema(previous);
						}
						catch (SQLException ex) {
							// the connection is closed next anyway
						}
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
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
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.delegate.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.delegate.isWrapperFor(type);
	}

}
