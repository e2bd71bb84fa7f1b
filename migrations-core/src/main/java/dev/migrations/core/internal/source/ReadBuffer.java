package dev.migrations.core.internal.source;

import java.nio.ByteBuffer;

/**
 * A buffer that small revision files are read into, reused from file to file while
 * revisions load, so that reading one allocates nothing. What was read is valid until the
 * next file is read.
 */
final class ReadBuffer {

	static final int INITIAL_CAPACITY = 4 * 1024;

	private ByteBuffer buffer;

	ReadBuffer() {
		this(INITIAL_CAPACITY);
	}

	ReadBuffer(int capacity) {
		this.buffer = ByteBuffer.allocate(capacity);
	}

	/** The buffer, emptied. */
	ByteBuffer cleared() {
		return this.buffer.clear();
	}

	/**
	 * The buffer with room for at least {@code capacity} bytes, keeping what it holds
	 * (from its start to its position).
	 */
	ByteBuffer grown(int capacity) {
		if (this.buffer.capacity() < capacity) {
			ByteBuffer larger = ByteBuffer.allocate(capacity);
			larger.put(this.buffer.flip());
			this.buffer = larger;
		}
		return this.buffer;
	}

}
