package dev.migrations.core.internal.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.core.JavaRevision;
import dev.migrations.core.JavaRevisionException;
import dev.migrations.core.RevisionFileException;
import dev.migrations.core.RevisionLocationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads revisions from locations: SQL files ({@code *.sql}, recursively) and Java
 * revisions (classes annotated with {@link dev.migrations.core.Revision @Revision} in the
 * packages of {@code classpath:} locations, created through their no-argument
 * constructor), plus Java revision instances registered directly (e.g. Spring beans).
 * <p>
 * The result is in load order, the tie-break wherever the graph leaves a choice: by
 * location in the order given, then by path within the location compared as a string
 * ({@code /}-separated, relative to the location), never by class path scan order. SQL
 * files and Java classes of one location are ordered together by their paths
 * ({@code 002_add_index.sql}, {@code m003_Backfill.class}). A registered instance whose
 * class is also found in a location takes that class's place and is not instantiated
 * again; the other registered instances follow all locations, ordered by class name.
 * Locations given twice are read once.
 * <p>
 * A {@code classpath:} location that is not found holds no revisions (logged at info); a
 * {@code filesystem:} location that does not exist is a
 * {@link RevisionLocationException}. Each SQL file is read once here: its header, its
 * sections and the upgrade checksum. Its statements are split only for the revisions that
 * will run ({@link SqlRevisionScript#checkStatements}, before any of them runs, and again
 * as they run), never on a start with nothing to do; they are kept by no one.
 */
public final class RevisionLoader {

	private static final Logger logger = LoggerFactory.getLogger(RevisionLoader.class);

	private final ClassLoader classLoader;

	private final List<JavaRevision> registered;

	/**
	 * A loader of revisions found in locations only.
	 * @param classLoader the class loader for {@code classpath:} locations and Java
	 * revision classes
	 */
	public RevisionLoader(ClassLoader classLoader) {
		this(classLoader, List.of());
	}

	/**
	 * A loader of revisions found in locations and of registered instances.
	 * @param classLoader the class loader for {@code classpath:} locations and Java
	 * revision classes
	 * @param registered Java revisions to include as they are, e.g. Spring beans
	 */
	public RevisionLoader(ClassLoader classLoader, Collection<? extends JavaRevision> registered) {
		this.classLoader = classLoader;
		this.registered = List.copyOf(registered);
	}

	/**
	 * Loads the revisions.
	 * @param locations e.g. {@code classpath:db/revisions},
	 * {@code filesystem:/srv/revisions}; no prefix means {@code classpath:}
	 * @return the revisions in load order
	 * @throws RevisionLocationException for a malformed or missing location
	 * @throws RevisionFileException for an invalid SQL revision file
	 * @throws JavaRevisionException for an unusable Java revision class
	 */
	public List<RevisionScript> load(List<String> locations) {
		Map<Class<?>, JavaRevision> registeredByClass = indexRegistered();
		Set<JavaRevision> placed = Collections.newSetFromMap(new IdentityHashMap<>());
		LocationScanner scanner = new LocationScanner(this.classLoader);
		List<RevisionScript> scripts = new ArrayList<>();
		for (Location location : parse(locations)) {
			int before = scripts.size();
			List<LocationScanner.Entry> entries = scanner.scan(location);
			SqlRevisionScript[] sqlScripts = SqlFileReader.load(entries);
			for (int i = 0; i < sqlScripts.length; i++) {
				LocationScanner.Entry entry = entries.get(i);
				if (sqlScripts[i] != null) {
					scripts.add(sqlScripts[i]);
				}
				else if (entry instanceof LocationScanner.ClassEntry type) {
					JavaRevision instance = registeredFor(type.className(), registeredByClass);
					JavaRevisionScript script = JavaRevisionFactory.load(type.className(), this.classLoader, instance);
					if (script != null) {
						scripts.add(script);
						placed.add(script.revision());
					}
				}
			}
			logger.debug("Loaded {} revisions from {}", scripts.size() - before, location);
		}
		if (!this.registered.isEmpty()) {
			this.registered.stream()
				.filter((revision) -> !placed.contains(revision))
				.map(JavaRevisionFactory::of)
				.sorted(Comparator.comparing((JavaRevisionScript script) -> script.node().source()))
				.forEach(scripts::add);
		}
		return List.copyOf(scripts);
	}

	private static Set<Location> parse(List<String> locations) {
		Set<Location> parsed = new LinkedHashSet<>();
		for (String location : locations) {
			parsed.add(Location.parse(location));
		}
		return parsed;
	}

	private Map<Class<?>, JavaRevision> indexRegistered() {
		Map<Class<?>, JavaRevision> byClass = new LinkedHashMap<>();
		for (JavaRevision revision : this.registered) {
			Class<?> annotated = JavaRevisionFactory.annotatedClass(revision.getClass());
			Class<?> key = (annotated != null) ? annotated : revision.getClass();
			if (byClass.putIfAbsent(key, revision) != null) {
				throw new JavaRevisionException(key.getName(),
						"is registered twice; register one instance per Java revision class");
			}
		}
		return byClass;
	}

	private static @Nullable JavaRevision registeredFor(String className, Map<Class<?>, JavaRevision> registered) {
		for (Map.Entry<Class<?>, JavaRevision> entry : registered.entrySet()) {
			if (entry.getKey().getName().equals(className)) {
				return entry.getValue();
			}
		}
		return null;
	}

}
