package dev.migrations.core.internal.fleet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Shards of a fleet: a target belongs to shard {@code i} of {@code K} when the SHA-256 of
 * its id (UTF-8), read as an unsigned big-endian number, is {@code i} modulo {@code K}.
 * The same id lands in the same shard on every machine and in every release.
 */
public final class Shards {

	private Shards() {
	}

	public static int shardOf(String id, int count) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return new BigInteger(1, hash).mod(BigInteger.valueOf(count)).intValue();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
