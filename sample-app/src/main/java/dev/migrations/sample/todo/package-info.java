/**
 * The todo domain: users, preferences and tasks, mapped with JPA onto the schema the
 * revisions create ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
package dev.migrations.sample.todo;
