package dev.migrations.benchmarks.sql;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.core.internal.source.RevisionLoader;
import dev.migrations.core.internal.source.RevisionScript;
import dev.migrations.core.internal.source.SqlRevisionScript;
import dev.migrations.core.internal.source.SqlStatementSplitter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Splits a generated 100 MB data script, in a JVM whose heap (32 MB) is far smaller than
 * the file, so that holding the file would fail: {@code splitReader} is the splitter
 * alone on a UTF-8 reader, {@code upgradeStatements} the engine's path
 * ({@link SqlRevisionScript#forEachUpgradeStatement}: strict UTF-8, section markers,
 * splitting), and {@code loadRevision} the load-time pass (header, sections, SHA-256
 * checksum; no split since loading stopped splitting). One operation reads the whole
 * file; MB/s = file size / time per operation. After each iteration it prints the peak
 * heap use of the iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms32m", "-Xmx32m" })
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SplitterBenchmark {

	private static final long SIZE = 100L * 1024 * 1024;

	private Path directory;

	private Path file;

	private long statements;

	private SqlRevisionScript script;

	@Setup(Level.Trial)
	public void generate() throws IOException {
		this.directory = Files.createTempDirectory("splitter-benchmark");
		this.file = this.directory.resolve("001_data.sql");
		this.statements = GeneratedScript.write(this.file, SIZE);
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.load(List.of("filesystem:" + this.directory));
		this.script = (SqlRevisionScript) scripts.get(0);
		System.out.printf("%nGenerated %s: %d bytes, %d statements%n", this.file, Files.size(this.file),
				this.statements);
	}

	@TearDown(Level.Trial)
	public void delete() throws IOException {
		Files.deleteIfExists(this.file);
		Files.deleteIfExists(this.directory);
	}

	@Setup(Level.Iteration)
	public void resetPeaks() {
		System.gc();
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	@TearDown(Level.Iteration)
	public void printPeaks() {
		long peak = heapPools().stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		long max = Runtime.getRuntime().maxMemory();
		System.out.printf("%n  peak heap used %.1f MB (max heap %.1f MB)%n", peak / 1048576.0, max / 1048576.0);
	}

	@Benchmark
	public long splitReader(Blackhole blackhole) throws IOException, SQLException {
		long[] count = new long[1];
		try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			SqlStatementSplitter.split(reader, this.file.toString(), (statement) -> {
				blackhole.consume(statement);
				count[0]++;
			});
		}
		return check(count[0]);
	}

	@Benchmark
	public long upgradeStatements(Blackhole blackhole) throws SQLException {
		long[] count = new long[1];
		this.script.forEachUpgradeStatement((statement) -> {
			blackhole.consume(statement);
			count[0]++;
		});
		return check(count[0]);
	}

	@Benchmark
	public String loadRevision() {
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.load(List.of("filesystem:" + this.directory));
		return scripts.get(0).checksum();
	}

	private long check(long count) {
		long expected = this.statements + 1;
		if (count < this.statements || count > expected) {
			throw new IllegalStateException("Expected " + this.statements + " statements, got " + count);
		}
		return count;
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

}
