package dev.migrations.benchmarks.boot.service;

import org.springframework.data.jpa.repository.JpaRepository;

/** The items. */
public interface ItemRepository extends JpaRepository<Item, Long> {

}
