package dev.migrations.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a fixture test class inside JUnit and keeps, per test, how it ended and its
 * message: the kit's own tests assert on these.
 */
final class KitResults {

	private final Map<String, String> results = new LinkedHashMap<>();

	private KitResults() {
	}

	static KitResults run(Class<?> fixture) {
		KitResults kit = new KitResults();
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(fixture))
			.execute()
			.allEvents()
			.stream()
			.forEach(kit::record);
		return kit;
	}

	private void record(Event event) {
		String display = event.getTestDescriptor().getDisplayName();
		String parent = event.getTestDescriptor()
			.getParent()
			.map((descriptor) -> descriptor.getDisplayName())
			.filter((text) -> text.endsWith(")"))
			.orElse(null);
		String name = (parent != null) ? parent.substring(0, parent.indexOf('(')) + " / " + display : display;
		if (event.getType() == EventType.SKIPPED) {
			this.results.put(name, "SKIPPED " + event.getPayload(String.class).orElse(""));
		}
		if (event.getType() != EventType.FINISHED || !event.getTestDescriptor().isTest()) {
			if (event.getType() == EventType.FINISHED) {
				event.getPayload(TestExecutionResult.class)
					.filter((result) -> result.getStatus() == TestExecutionResult.Status.FAILED)
					.ifPresent((result) -> this.results.put(name, "FAILED " + message(result)));
			}
			return;
		}
		TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
		this.results.put(name, result.getStatus()
				+ ((result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) ? "" : " " + message(result)));
	}

	private static String message(TestExecutionResult result) {
		return result.getThrowable().map(Throwable::getMessage).orElse("");
	}

	/**
	 * Test (or container) display names and how they ended: {@code SUCCESSFUL},
	 * {@code FAILED message}, {@code ABORTED reason}.
	 */
	Map<String, String> results() {
		return this.results;
	}

	String of(String displayName) {
		String result = this.results.get(displayName);
		if (result == null) {
			throw new AssertionError("No test " + displayName + " in " + this.results);
		}
		return result;
	}

}
