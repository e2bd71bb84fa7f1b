package dev.migrations.benchmarks.boot.service;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A row of {@code t_1}, the table the first generated revision creates. */
@Entity
@Table(name = "t_1")
public class Item {

	@Id
	private @Nullable Long id;

	@Column(nullable = false, columnDefinition = "text")
	private @Nullable String name;

	@Column(name = "created_at")
	private @Nullable OffsetDateTime createdAt;

	protected Item() {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public @Nullable OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

}
