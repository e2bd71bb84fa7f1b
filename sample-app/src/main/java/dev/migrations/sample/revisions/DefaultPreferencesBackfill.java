package dev.migrations.sample.revisions;

import java.sql.PreparedStatement;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.Revision;
import dev.migrations.core.RevisionContext;
import dev.migrations.sample.config.PreferenceDefaults;

import org.springframework.stereotype.Component;

/**
 * A data migration written in Java: gives every user created before preferences existed
 * the default preferences, read from a Spring bean. As a bean of type
 * {@link JavaRevision} it joins the SQL revisions of {@code classpath:db/revisions}.
 */
@Component
@Revision(id = "d9e0f1a2b3c4", downRevision = "c4d5e6f7a8b9",
		message = "Backfill default preferences for existing users", createDate = "2025-03-15 08:00:00")
public class DefaultPreferencesBackfill implements JavaRevision {

	private final PreferenceDefaults defaults;

	public DefaultPreferencesBackfill(PreferenceDefaults defaults) {
		this.defaults = defaults;
	}

	@Override
	public void upgrade(RevisionContext context) throws Exception {
		try (PreparedStatement insert = context.connection()
			.prepareStatement("INSERT INTO user_preferences (user_id, theme, notifications_enabled) "
					+ "SELECT u.id, ?, ? FROM users u "
					+ "WHERE NOT EXISTS (SELECT 1 FROM user_preferences p WHERE p.user_id = u.id)")) {
			insert.setString(1, this.defaults.theme());
			insert.setBoolean(2, this.defaults.notificationsEnabled());
			insert.executeUpdate();
		}
	}

	/** Removes the preferences still at their defaults: those nobody changed since. */
	@Override
	public void downgrade(RevisionContext context) throws Exception {
		try (PreparedStatement delete = context.connection()
			.prepareStatement("DELETE FROM user_preferences WHERE theme = ? AND notifications_enabled = ?")) {
			delete.setString(1, this.defaults.theme());
			delete.setBoolean(2, this.defaults.notificationsEnabled());
			delete.executeUpdate();
		}
	}

}
