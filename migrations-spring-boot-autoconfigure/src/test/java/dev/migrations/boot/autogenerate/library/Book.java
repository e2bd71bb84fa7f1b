package dev.migrations.boot.autogenerate.library;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A named SEQUENCE id, a many-to-one, a many-to-many join table, an enum by ordinal, a
 * LOB, an index, Spring Boot's naming of camel-case fields.
 */
@Entity
@Table(name = "books", indexes = @Index(name = "ix_books_published_on", columnList = "publishedOn"))
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "books")
	@SequenceGenerator(name = "books", sequenceName = "books_seq", allocationSize = 20)
	private Long id;

	@Column(nullable = false, length = 200)
	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id")
	private Author author;

	@Enumerated(EnumType.ORDINAL)
	private Genre genre;

	@Lob
	private byte[] cover;

	@Column(precision = 10, scale = 2)
	private BigDecimal price;

	private LocalDate publishedOn;

	private Instant createdAt;

	@ManyToMany
	@JoinTable(name = "book_tags", joinColumns = @JoinColumn(name = "book_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

}
