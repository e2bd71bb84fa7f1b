package dev.migrations.boot.autogenerate.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with JPA entities of every kind autogenerate must map. */
@SpringBootApplication
public class LibraryApplication {

}
