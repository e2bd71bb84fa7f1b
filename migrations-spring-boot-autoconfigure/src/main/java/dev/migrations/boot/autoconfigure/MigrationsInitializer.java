package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.migrations.boot.MigrationsRunTracker;
import dev.migrations.boot.autoconfigure.MigrationsProperties.OnStartup;
import dev.migrations.core.MigrationState;
import dev.migrations.core.MigrationStatus;
import dev.migrations.core.Migrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Runs what {@code migrations.on-startup} asks for when the bean is initialized, before
 * the beans that depend on database initialization:
 * <ul>
 * <li>{@code upgrade}: the pending revisions up to the target (or the
 * {@link MigrationsStartupStrategy}); a failure fails the startup. With {@code async} the
 * run goes on in the background while the application starts, and readiness is
 * {@link ReadinessState#REFUSING_TRAFFIC refused} until it succeeds (for good after a
 * failure);</li>
 * <li>{@code validate}: nothing changes; readiness is refused while the database is not
 * up to date (or ahead), and accepted once it is (checked again every
 * {@link #VALIDATE_INTERVAL});</li>
 * <li>{@code none}: nothing.</li>
 * </ul>
 */
public class MigrationsInitializer
		implements InitializingBean, DisposableBean, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	/** How often validate mode reads the state again while the database is behind. */
	public static final Duration VALIDATE_INTERVAL = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private final Migrator migrator;

	private final OnStartup onStartup;

	private final String target;

	private final boolean async;

	private final @Nullable MigrationsStartupStrategy strategy;

	private final ApplicationEventPublisher publisher;

	private final Object monitor = new Object();

	/** Whether the database is ready for the application (guarded by monitor). */
	private boolean databaseReady;

	/** Whether the application said it accepts traffic (guarded by monitor). */
	private boolean applicationReady;

	private @Nullable ScheduledExecutorService validation;

	/**
	 * @param migrator the migrator to run
	 * @param onStartup what to do on startup
	 * @param target the target of the upgrade
	 * @param async whether the upgrade runs in the background
	 * @param strategy what runs instead of the upgrade, if any
	 * @param publisher where readiness changes are published (create the
	 * {@code ApplicationAvailability} bean before this one, so that it sees Spring Boot's
	 * readiness events before this bean answers them)
	 */
	public MigrationsInitializer(Migrator migrator, OnStartup onStartup, String target, boolean async,
			@Nullable MigrationsStartupStrategy strategy, ApplicationEventPublisher publisher) {
		this.migrator = migrator;
		this.onStartup = onStartup;
		this.target = target;
		this.async = async;
		this.strategy = strategy;
		this.publisher = publisher;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.onStartup) {
			case UPGRADE -> {
				if (this.async) {
					Thread thread = new Thread(this::runInBackground, "migrations-startup");
					thread.setDaemon(true);
					logger.info("Upgrading the database in the background (migrations.async=true); "
							+ "readiness is refused until the upgrade succeeds");
					thread.start();
				}
				else {
					upgrade();
					markDatabaseReady();
				}
			}
			case VALIDATE -> {
				if (validate()) {
					markDatabaseReady();
				}
				else {
					this.validation = Executors.newSingleThreadScheduledExecutor((runnable) -> {
						Thread thread = new Thread(runnable, "migrations-validate");
						thread.setDaemon(true);
						return thread;
					});
					long interval = VALIDATE_INTERVAL.toMillis();
					this.validation.scheduleWithFixedDelay(this::validateAgain, interval, interval,
							TimeUnit.MILLISECONDS);
				}
			}
			case NONE -> markDatabaseReady();
		}
	}

	private void upgrade() {
		if (this.strategy != null) {
			this.strategy.run(this.migrator);
		}
		else {
			this.migrator.upgrade(this.target);
		}
	}

	private void runInBackground() {
		try {
			upgrade();
			logger.info("Background upgrade finished; the application accepts traffic");
			markDatabaseReady();
		}
		catch (RuntimeException | Error ex) {
			MigrationsRunTracker.of(this.migrator).ifPresent((tracker) -> tracker.failed(ex));
			logger.error("Background upgrade failed; readiness stays REFUSING_TRAFFIC until the application is "
					+ "restarted with the cause fixed", ex);
		}
	}

	private boolean validate() {
		try {
			MigrationStatus status = this.migrator.status();
			if (status.state() == MigrationState.UP_TO_DATE || status.state() == MigrationState.AHEAD) {
				logger.info("Database state " + status.state() + " (migrations.on-startup=validate)");
				return true;
			}
			logger.warn("Database state " + status.state() + ", pending " + status.pending()
					+ " (migrations.on-startup=validate): readiness is refused until the database is up to date");
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the database state (migrations.on-startup=validate): readiness is refused", ex);
		}
		return false;
	}

	private void validateAgain() {
		if (validate()) {
			markDatabaseReady();
			ScheduledExecutorService validation = this.validation;
			if (validation != null) {
				validation.shutdown();
			}
		}
	}

	private void markDatabaseReady() {
		synchronized (this.monitor) {
			this.databaseReady = true;
			if (this.applicationReady) {
				AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
			}
		}
	}

	/**
	 * Whether the startup run is done (or validation passed), so that the database is
	 * ready for the application.
	 */
	public boolean isDatabaseReady() {
		synchronized (this.monitor) {
			return this.databaseReady;
		}
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getSource() == this || event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		synchronized (this.monitor) {
			this.applicationReady = true;
			if (!this.databaseReady) {
				AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
			}
		}
	}

	@Override
	public void destroy() {
		if (this.validation != null) {
			this.validation.shutdownNow();
		}
	}

}
