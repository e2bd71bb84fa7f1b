package dev.migrations.sample.todo;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A user's preferences (table {@code user_preferences}, revision 3f2a9c1b7d4e). */
@Entity
@Table(name = "user_preferences")
public class UserPreferences {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false, unique = true)
	private UUID userId;

	/** The foreign key of {@code user_id}, mapped so that autogenerate keeps it. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_id", insertable = false, updatable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private User user;

	@Column(nullable = false)
	private String theme;

	@Column(name = "notifications_enabled", nullable = false)
	private boolean notificationsEnabled;

	protected UserPreferences() {
	}

	public UserPreferences(UUID userId, String theme, boolean notificationsEnabled) {
		this.userId = userId;
		this.theme = theme;
		this.notificationsEnabled = notificationsEnabled;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getTheme() {
		return this.theme;
	}

	public boolean isNotificationsEnabled() {
		return this.notificationsEnabled;
	}

}
