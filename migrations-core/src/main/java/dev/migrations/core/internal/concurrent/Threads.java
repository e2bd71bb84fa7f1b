package dev.migrations.core.internal.concurrent;

/** Waiting for threads of the core's own. */
public final class Threads {

	private Threads() {
	}

	/**
	 * Waits until {@code thread} has ended, even when interrupted meanwhile (its results
	 * are needed), and then restores the interrupt.
	 */
	public static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
