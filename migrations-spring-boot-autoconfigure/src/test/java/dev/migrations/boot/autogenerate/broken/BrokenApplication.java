package dev.migrations.boot.autogenerate.broken;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose entities Hibernate cannot map. */
@SpringBootApplication
public class BrokenApplication {

}
