package dev.migrations.benchmarks.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions, read from the {@code pom.properties} Maven puts in each jar. */
final class Versions {

	private Versions() {
	}

	/** The version of a library on the class path, or {@code unknown}. */
	static String of(String groupId, String artifactId) {
		String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
		try (InputStream in = Versions.class.getResourceAsStream(resource)) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
