package dev.migrations.boot.autogenerate.broken;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

/** Maps its books by a property they do not have. */
@Entity
public class Shelf {

	@Id
	private Long id;

	@OneToMany(mappedBy = "shelf")
	private List<Volume> volumes;

}
