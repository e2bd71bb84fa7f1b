package dev.migrations.benchmarks.boot.service;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the items' names. */
@RestController
public class ItemController {

	private final ItemRepository items;

	public ItemController(ItemRepository items) {
		this.items = items;
	}

	@GetMapping("/items")
	public List<String> names() {
		return this.items.findAll().stream().map(Item::getName).toList();
	}

}
