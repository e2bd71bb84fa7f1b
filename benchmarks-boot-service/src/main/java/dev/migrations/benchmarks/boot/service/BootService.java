package dev.migrations.benchmarks.boot.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service. {@link #main} starts it, with a {@link ReadyMeter} registered before
 * anything else, prints the meter's result line once the application is ready, and stops.
 */
@SpringBootApplication
public class BootService {

	/** Starts the service, prints the result line and exits. */
	public static void main(String[] args) {
		ReadyMeter meter = ReadyMeter.start();
		SpringApplication application = new SpringApplication(BootService.class);
		application.addListeners(meter);
		ConfigurableApplicationContext context = application.run(args);
		System.out.println(meter.resultLine());
		System.out.flush();
		System.exit(SpringApplication.exit(context));
	}

}
