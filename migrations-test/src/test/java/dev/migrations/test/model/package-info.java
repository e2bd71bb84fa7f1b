/**
 * JPA entities of the kit's own {@code modelMatchesDatabase} tests.
 */
@NullMarked
package dev.migrations.test.model;

import org.jspecify.annotations.NullMarked;
