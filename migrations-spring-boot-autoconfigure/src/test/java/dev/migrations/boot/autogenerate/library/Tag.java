package dev.migrations.boot.autogenerate.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A SEQUENCE id with Hibernate's default sequence, an implicit length, a unique column.
 */
@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	@Column(nullable = false, unique = true)
	private String name;

}
