package dev.migrations.sample.todo;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserPreferencesRepository extends JpaRepository<UserPreferences, Long> {

	Optional<UserPreferences> findByUserId(UUID userId);

}
