package dev.migrations.sample.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Preferences a user starts with. A service used both by the API and by the
 * {@code DefaultPreferencesBackfill} Java revision.
 *
 * @param theme theme of new users
 * @param notificationsEnabled whether new users get notifications
 */
@ConfigurationProperties("todo.preferences")
public record PreferenceDefaults(String theme, boolean notificationsEnabled) {

	public PreferenceDefaults {
		theme = (theme != null) ? theme : "light";
	}

}
