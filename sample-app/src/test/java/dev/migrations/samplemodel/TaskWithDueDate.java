package dev.migrations.samplemodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.migrations.sample.todo.Task;
import dev.migrations.sample.todo.User;
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
 * The sample's {@link Task} mapping with one field more, {@code dueDate}: what a
 * developer's next change to the entity looks like.
 */
@Entity(name = "Task")
@Table(name = "tasks",
		indexes = { @Index(name = "ix_tasks_user_id", columnList = "user_id"),
				@Index(name = "ix_tasks_completed", columnList = "completed"),
				@Index(name = "ix_tasks_user_id_priority_id", columnList = "user_id, priority_id") })
public class TaskWithDueDate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

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

	private LocalDate dueDate;

}
