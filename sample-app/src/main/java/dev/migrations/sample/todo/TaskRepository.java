package dev.migrations.sample.todo;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskRepository extends JpaRepository<Task, Long> {

	List<Task> findByUserIdOrderByPriorityIdDescIdAsc(UUID userId);

}
