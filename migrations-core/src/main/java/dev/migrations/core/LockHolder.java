package dev.migrations.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The session holding the migration lock, as far as the database tells.
 *
 * @param pid the server process id of the holding session, if known
 * @param applicationName its {@code application_name}, if set
 * @param user the database user of the session
 * @param clientAddress the client's address, if connected over the network
 * @param backendStart when the holding session connected
 * @param stateChange when the holding session last changed state
 * @param state the session's state ({@code active}, {@code idle}, ...)
 */
public record LockHolder(@Nullable Integer pid, @Nullable String applicationName, @Nullable String user,
		@Nullable String clientAddress, @Nullable Instant backendStart, @Nullable Instant stateChange,
		@Nullable String state) {

	/** A holder nothing is known about (the database does not tell). */
	public static LockHolder unknown() {
		return new LockHolder(null, null, null, null, null, null, null);
	}

	/** One line for messages, e.g. {@code pid 42 (application 'orders', ...)}. */
	public String describe() {
		if (this.pid == null) {
			return "another migration run (holder unknown)";
		}
		StringBuilder text = new StringBuilder("pid ").append(this.pid).append(" (application '");
		text.append((this.applicationName != null) ? this.applicationName : "").append("'");
		if (this.user != null) {
			text.append(", user ").append(this.user);
		}
		if (this.clientAddress != null) {
			text.append(", client ").append(this.clientAddress);
		}
		if (this.backendStart != null) {
			text.append(", connected since ").append(this.backendStart);
		}
		if (this.state != null) {
			text.append(", ").append(this.state);
			if (this.stateChange != null) {
				text.append(" since ").append(this.stateChange);
			}
		}
		return text.append(')').toString();
	}

}
