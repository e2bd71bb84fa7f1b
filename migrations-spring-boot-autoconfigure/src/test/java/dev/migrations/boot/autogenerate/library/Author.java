package dev.migrations.boot.autogenerate.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/**
 * IDENTITY id, a named unique constraint, an enum by name, a default, a check, comments.
 */
@Entity
@Table(name = "authors", uniqueConstraints = @UniqueConstraint(name = "uq_authors_email", columnNames = "email"))
@Comment("people who write")
@Check(name = "ck_authors_rating", constraints = "rating >= 0")
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 100)
	@Comment("the name on the cover")
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
