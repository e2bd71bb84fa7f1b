package dev.migrations.core.internal.source;

import java.util.List;

import dev.migrations.core.internal.concurrent.Threads;
import org.jspecify.annotations.Nullable;

/**
 * Loads the SQL files among a location's entries: on one thread, or, from
 * {@link #PARALLEL_FROM} files on, the second half on a thread of its own. Reading a file
 * is mostly system calls (open, read, close), which run in parallel on two cores; a
 * thread costs a fraction of a millisecond, which pays from a few hundred files.
 */
final class SqlFileReader {

	/** From this many SQL files in one location, a second thread reads half of them. */
	static final int PARALLEL_FROM = 256;

	private SqlFileReader() {
	}

	/**
	 * Loads every {@link LocationScanner.SqlEntry} of {@code entries}.
	 * @return the scripts at the indexes of their entries ({@code null} at the others)
	 * @throws dev.migrations.core.RevisionFileException for the first invalid file in
	 * load order
	 */
	static @Nullable SqlRevisionScript[] load(List<LocationScanner.Entry> entries) {
		SqlRevisionScript[] loaded = new SqlRevisionScript[entries.size()];
		if (entries.size() < PARALLEL_FROM) {
			Range all = new Range(entries, loaded, 0, entries.size());
			all.run();
			all.rethrow();
			return loaded;
		}
		int middle = entries.size() / 2;
		Range first = new Range(entries, loaded, 0, middle);
		Range second = new Range(entries, loaded, middle, entries.size());
		Thread thread = start(second);
		first.run();
		if (thread != null) {
			Threads.joinUninterruptibly(thread);
		}
		else {
			second.run();
		}
		first.rethrow();
		second.rethrow();
		return loaded;
	}

	private static @Nullable Thread start(Range range) {
		try {
			Thread thread = new Thread(range, "migrations-revision-reader");
			thread.setDaemon(true);
			thread.start();
			return thread;
		}
		catch (SecurityException | OutOfMemoryError ex) {
			return null; // no thread to be had: read on this one
		}
	}

	/**
	 * Loads the SQL files of {@code entries[from, to)}, reusing one checksum and buffer,
	 * and keeps the failure for {@link #rethrow}.
	 */
	private static final class Range implements Runnable {

		private final List<LocationScanner.Entry> entries;

		private final @Nullable SqlRevisionScript[] loaded;

		private final int from;

		private final int to;

		private @Nullable Throwable failure;

		Range(List<LocationScanner.Entry> entries, @Nullable SqlRevisionScript[] loaded, int from, int to) {
			this.entries = entries;
			this.loaded = loaded;
			this.from = from;
			this.to = to;
		}

		@Override
		public void run() {
			SqlRevisionFile.LineChecksum checksum = new SqlRevisionFile.LineChecksum();
			ReadBuffer buffer = new ReadBuffer();
			try {
				for (int i = this.from; i < this.to; i++) {
					if (this.entries.get(i) instanceof LocationScanner.SqlEntry sql) {
						this.loaded[i] = SqlRevisionFile.load(sql.resource(), checksum, buffer);
					}
				}
			}
			catch (RuntimeException | Error ex) {
				this.failure = ex; // rethrown in load order by the thread that waits
			}
		}

		/** Throws what {@link #run} failed with, if anything. */
		void rethrow() {
			if (this.failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (this.failure instanceof Error error) {
				throw error;
			}
		}

	}

}
