package dev.migrations.boot.autoconfigure.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A task, mapped to the table the todo revisions create.
 */
@Entity
@Table(name = "tasks")
public class Task {

	@Id
	private Long id;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false)
	private boolean done;

	protected Task() {
	}

	Task(Long id, String title) {
		this.id = id;
		this.title = title;
	}

	Long getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	boolean isDone() {
		return this.done;
	}

}
