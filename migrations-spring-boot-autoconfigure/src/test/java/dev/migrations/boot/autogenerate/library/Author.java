package dev.migrations.boot.autogenerate.library;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;

/**
 * IDENTITY id, a named unique constraint, an enum by name, a default, a check, comments
 * (JPA 3.2's {@code comment} and {@code check}, which replace Hibernate's deprecated
 * {@code @Comment} and {@code @Check}).
 */
@Entity
@Table(name = "authors", uniqueConstraints = @UniqueConstraint(name = "uq_authors_email", columnNames = "email"),
		comment = "people who write", check = @CheckConstraint(name = "ck_authors_rating", constraint = "rating >= 0"))
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 100, comment = "the name on the cover")
	private String displayName;

	@Column(nullable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private AuthorStatus status;

	@ColumnDefault("0")
	@Column(nullable = false)
	private int rating;

}
