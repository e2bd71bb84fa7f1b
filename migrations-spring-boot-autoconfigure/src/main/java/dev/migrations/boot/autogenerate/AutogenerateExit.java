package dev.migrations.boot.autogenerate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends the autogenerate run once the application is ready: closes the context and exits
 * the JVM with the {@link AutogenerateRunner}'s exit code.
 */
public class AutogenerateExit implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		System.exit(SpringApplication.exit(event.getApplicationContext()));
	}

}
