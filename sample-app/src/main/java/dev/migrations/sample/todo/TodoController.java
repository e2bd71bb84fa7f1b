package dev.migrations.sample.todo;

import java.util.List;
import java.util.UUID;

import dev.migrations.sample.config.PreferenceDefaults;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The todo service's REST API: users, their preferences and their tasks. */
@RestController
@RequestMapping("/api")
class TodoController {

	private final UserRepository users;

	private final TaskRepository tasks;

	private final UserPreferencesRepository preferences;

	private final PreferenceDefaults defaults;

	TodoController(UserRepository users, TaskRepository tasks, UserPreferencesRepository preferences,
			PreferenceDefaults defaults) {
		this.users = users;
		this.tasks = tasks;
		this.preferences = preferences;
		this.defaults = defaults;
	}

	@GetMapping("/users")
	List<User> users() {
		return this.users.findAll();
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	User createUser(@RequestBody NewUser request) {
		User user = this.users.save(new User(request.email(), request.name()));
		this.preferences
			.save(new UserPreferences(user.getId(), this.defaults.theme(), this.defaults.notificationsEnabled()));
		return user;
	}

	@GetMapping("/users/{userId}/preferences")
	UserPreferences preferences(@PathVariable UUID userId) {
		return this.preferences.findByUserId(userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No preferences for " + userId));
	}

	@GetMapping("/users/{userId}/tasks")
	List<Task> tasks(@PathVariable UUID userId) {
		return this.tasks.findByUserIdOrderByPriorityIdDescIdAsc(existing(userId).getId());
	}

	@PostMapping("/users/{userId}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Task createTask(@PathVariable UUID userId, @RequestBody NewTask request) {
		Priority priority = (request.priority() != null) ? Priority.fromText(request.priority()) : Priority.MEDIUM;
		return this.tasks.save(new Task(existing(userId).getId(), request.title(), request.description(), priority,
				request.recurrencePattern()));
	}

	@PostMapping("/tasks/{taskId}/complete")
	@Transactional
	Task complete(@PathVariable long taskId) {
		Task task = this.tasks.findById(taskId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No task " + taskId));
		task.complete();
		return task;
	}

	private User existing(UUID userId) {
		return this.users.findById(userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + userId));
	}

	record NewUser(String email, String name) {
	}

	record NewTask(String title, @Nullable String description, @Nullable String priority,
			@Nullable String recurrencePattern) {
	}

}
