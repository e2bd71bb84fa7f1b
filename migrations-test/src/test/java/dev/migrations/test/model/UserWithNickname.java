package dev.migrations.test.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A user with a field no revision adds a column for. */
@Entity
@Table(name = "users")
public class UserWithNickname {

	@Id
	private @Nullable Long id;

	@Column(nullable = false, length = 200)
	private @Nullable String email;

	private @Nullable String nickName;

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getNickName() {
		return this.nickName;
	}

}
