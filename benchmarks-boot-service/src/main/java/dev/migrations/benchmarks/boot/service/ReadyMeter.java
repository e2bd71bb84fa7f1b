package dev.migrations.benchmarks.boot.service;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Measures the start at {@link ApplicationReadyEvent}: the time since the JVM started
 * ({@code RuntimeMXBean.getStartTime()}, milliseconds) and the bytes allocated on the
 * heap since then, by every thread, including those that have ended. The allocation is
 * counted from the collector: the heap in use now plus what each collection so far
 * reclaimed (its heap in use before minus after, from the collectors' notifications). For
 * comparison it also sums {@code ThreadMXBean.getThreadAllocatedBytes} over the threads
 * alive at that moment, which misses the allocation of ended threads.
 */
final class ReadyMeter implements ApplicationListener<ApplicationReadyEvent> {

	static final String RESULT = "BOOT-RESULT ";

	private final AtomicLong reclaimed = new AtomicLong();

	private final AtomicLong notified = new AtomicLong();

	private @Nullable String result;

	private ReadyMeter() {
	}

	/** A meter listening to every collector from now on. */
	static ReadyMeter start() {
		ReadyMeter meter = new ReadyMeter();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector)
				.addNotificationListener((notification, handback) -> meter.collected(notification), null, null);
		}
		return meter;
	}

	private void collected(Notification notification) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long before = used(info.getGcInfo().getMemoryUsageBeforeGc());
		long after = used(info.getGcInfo().getMemoryUsageAfterGc());
		this.reclaimed.addAndGet(before - after);
		this.notified.incrementAndGet();
	}

	private static long used(Map<String, MemoryUsage> pools) {
		long used = 0;
		for (MemoryUsage usage : pools.values()) {
			used += usage.getUsed();
		}
		return used;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long liveThreads = 0;
		for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			liveThreads += Math.max(0, allocated);
		}
		long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long collections = awaitNotifications();
		long allocated = heapUsed + this.reclaimed.get();
		this.result = RESULT + millis + " " + allocated + " " + liveThreads + " " + collections;
	}

	/**
	 * Waits (at most a second) until every collection so far has been notified:
	 * notifications arrive on a JVM service thread, shortly after the collection.
	 * @return the number of collections
	 */
	private long awaitNotifications() {
		long collections = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collections += Math.max(0, collector.getCollectionCount());
		}
		for (int i = 0; i < 1000 && this.notified.get() < collections; i++) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (this.notified.get() < collections) {
			throw new IllegalStateException(
					"Only " + this.notified.get() + " of " + collections + " collections were notified");
		}
		return collections;
	}

	/**
	 * The line the benchmark reads:
	 * {@code BOOT-RESULT <ms to ready> <allocated bytes> <live threads' bytes> <collections>}.
	 */
	String resultLine() {
		if (this.result == null) {
			throw new IllegalStateException("The application never became ready");
		}
		return this.result;
	}

}
