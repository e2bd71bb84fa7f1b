package dev.migrations.test.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A user as {@code kit/model}'s revision creates the table. */
@Entity
@Table(name = "users")
public class User {

	@Id
	private @Nullable Long id;

	@Column(nullable = false, length = 200)
	private @Nullable String email;

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

}
