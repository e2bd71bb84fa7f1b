package dev.migrations.boot.autogenerate.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Has no {@code shelf}. */
@Entity
public class Volume {

	@Id
	private Long id;

}
