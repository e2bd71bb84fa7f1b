package dev.migrations.sample.todo;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A task of a user (table {@code tasks}: revision 001, {@code priority_id} from
 * 7c1e5a2b9d30, the recurrence columns from b7e8f9a0c1d2 on the {@code recurring}
 * branch).
 */
@Entity
@Table(name = "tasks",
		indexes = { @Index(name = "ix_tasks_user_id", columnList = "user_id"),
				@Index(name = "ix_tasks_completed", columnList = "completed"),
				@Index(name = "ix_tasks_user_id_priority_id", columnList = "user_id, priority_id") })
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	/** The foreign key of {@code user_id}, mapped so that autogenerate keeps it. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_id", insertable = false, updatable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private User user;

	@Column(nullable = false)
	private String title;

	private String description;

	@Column(nullable = false)
	private boolean completed;

	@Column(nullable = false)
	private String priority;

	@Column(name = "priority_id", nullable = false)
	private int priorityId;

	@Column(name = "is_recurring", nullable = false)
	private boolean recurring;

	@Column(name = "recurrence_pattern")
	private String recurrencePattern;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Task() {
	}

	public Task(UUID userId, String title, String description, Priority priority, String recurrencePattern) {
		this.userId = userId;
		this.title = title;
		this.description = description;
		this.priority = priority.text();
		this.priorityId = priority.id();
		this.recurring = recurrencePattern != null;
		this.recurrencePattern = recurrencePattern;
		this.createdAt = Instant.now();
	}

	public void complete() {
		this.completed = true;
	}

	public Long getId() {
		return this.id;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isCompleted() {
		return this.completed;
	}

	public String getPriority() {
		return this.priority;
	}

	public int getPriorityId() {
		return this.priorityId;
	}

	public boolean isRecurring() {
		return this.recurring;
	}

	public String getRecurrencePattern() {
		return this.recurrencePattern;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
